// Which of the given skills are broader (up to four steps) than which others of them.
// Params: $ids. Returns rows: id, ancestorId.
UNWIND $ids AS id
MATCH (s:Skill {id: id})-[:BROADER*1..4]->(a:Skill)
WHERE a.id IN $ids AND a.id <> id
RETURN DISTINCT id, a.id AS ancestorId
