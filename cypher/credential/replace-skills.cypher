// Replaces the skills a credential teaches with the given set.
// Params: $id, $skills (list of {skillId, level, label?, via?}). Returns one row: count.
MATCH (c:Credential {id: $id})
OPTIONAL MATCH (c)-[old:TEACHES]->(:Skill)
DELETE old
WITH DISTINCT c
UNWIND $skills AS s
MATCH (k:Skill {id: s.skillId})
MERGE (c)-[t:TEACHES]->(k)
SET t.level = s.level, t.label = s.label, t.via = s.via
RETURN count(t) AS count
