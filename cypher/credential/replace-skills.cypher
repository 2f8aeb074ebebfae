// Replaces the skills each credential teaches with the given set.
// Params: $rows ([{id, skills: [{skillId, level, label?, via?}]}]). Returns one row: count.
UNWIND $rows AS row
MATCH (c:Credential {id: row.id})
CALL (c) {
  MATCH (c)-[old:TEACHES]->(:Skill)
  DELETE old
}
WITH c, row
CALL (c, row) {
  UNWIND row.skills AS s
  MATCH (k:Skill {id: s.skillId})
  MERGE (c)-[t:TEACHES]->(k)
  SET t.level = s.level, t.label = s.label, t.via = s.via
  RETURN count(t) AS linked
}
RETURN sum(linked) AS count
