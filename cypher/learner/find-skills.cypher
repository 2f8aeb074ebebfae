// Each learner's declared or assessed skills, batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node (skill map), level, source.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Learner {id: id})-[h:HAS_SKILL]->(s:Skill)
  RETURN s, h ORDER BY s.label LIMIT toInteger($limit)
}
RETURN id AS key, s {.*} AS node, h.level AS level, h.source AS source
