// The skills each job role requires, with essential, importance and level, batched.
// Params: $ids. Returns rows: key, node (skill map), essential, importance, level.
UNWIND $ids AS id
MATCH (:JobRole {id: id})-[r:REQUIRES_SKILL]->(s:Skill)
RETURN id AS key, s {.*} AS node, r.essential AS essential, r.importance AS importance, r.level AS level
ORDER BY r.importance DESC, s.label
