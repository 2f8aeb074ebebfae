// Each learner's declared or assessed skills, batched.
// Params: $ids. Returns rows: key, node (skill map), level, source.
UNWIND $ids AS id
MATCH (:Learner {id: id})-[h:HAS_SKILL]->(s:Skill)
RETURN id AS key, s {.*} AS node, h.level AS level, h.source AS source
ORDER BY s.label
