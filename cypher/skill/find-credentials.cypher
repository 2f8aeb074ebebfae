// Credentials that teach each skill, with the level, batched; at most $limit per skill.
// Params: $ids, $limit. Returns rows: key, node (credential map), level.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Skill {id: id})<-[t:TEACHES]-(c:Credential)
  RETURN c, t ORDER BY c.title LIMIT toInteger($limit)
}
RETURN id AS key, c {.*} AS node, t.level AS level
