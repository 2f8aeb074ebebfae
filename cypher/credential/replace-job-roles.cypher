// Replaces the job roles each credential prepares for with the given set.
// Params: $rows ([{id, jobRoleIds}]). Returns one row: count.
UNWIND $rows AS row
MATCH (c:Credential {id: row.id})
CALL (c) {
  MATCH (c)-[old:PREPARES_FOR]->(:JobRole)
  DELETE old
}
WITH c, row
CALL (c, row) {
  UNWIND row.jobRoleIds AS roleId
  MATCH (j:JobRole {id: roleId})
  MERGE (c)-[r:PREPARES_FOR]->(j)
  RETURN count(r) AS linked
}
RETURN sum(linked) AS count
