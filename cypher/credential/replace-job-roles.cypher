// Replaces the job roles a credential prepares for with the given set.
// Params: $id, $jobRoleIds. Returns one row: count.
MATCH (c:Credential {id: $id})
OPTIONAL MATCH (c)-[old:PREPARES_FOR]->(:JobRole)
DELETE old
WITH DISTINCT c
UNWIND $jobRoleIds AS roleId
MATCH (j:JobRole {id: roleId})
MERGE (c)-[r:PREPARES_FOR]->(j)
RETURN count(r) AS count
