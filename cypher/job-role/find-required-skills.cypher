// The skills each job role requires, with essential, importance and level, batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node (skill map), essential, importance, level, reliable, evidence.
UNWIND $ids AS id
CALL (id) {
  MATCH (:JobRole {id: id})-[r:REQUIRES_SKILL]->(s:Skill)
  RETURN s, r ORDER BY r.importance DESC, s.label LIMIT toInteger($limit)
}
RETURN id AS key, s {.*} AS node, r.essential AS essential, r.importance AS importance, r.level AS level,
       coalesce(r.reliable, true) AS reliable, coalesce(r.evidence, []) AS evidence
