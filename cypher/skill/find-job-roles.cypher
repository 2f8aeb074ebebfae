// Job roles that require each skill, with the requirement, batched; at most $limit per skill.
// Params: $ids, $limit. Returns rows: key, node (job role map), essential, importance, level.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Skill {id: id})<-[r:REQUIRES_SKILL]-(j:JobRole)
  RETURN j, r ORDER BY r.importance DESC, j.title LIMIT toInteger($limit)
}
RETURN id AS key, j {.*} AS node, r.essential AS essential, r.importance AS importance, r.level AS level
