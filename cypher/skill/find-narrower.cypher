// The narrower skills of each skill, batched; at most $limit per skill.
// Params: $ids, $limit. Returns rows: key, node.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Skill {id: id})<-[:BROADER]-(n:Skill)
  RETURN n ORDER BY n.label LIMIT toInteger($limit)
}
RETURN id AS key, n {.*} AS node
