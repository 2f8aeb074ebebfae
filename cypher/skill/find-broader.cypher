// The broader skills of each skill (a poly-hierarchy: there may be several), batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Skill {id: id})-[:BROADER]->(b:Skill)
  RETURN b ORDER BY b.label, b.id LIMIT toInteger($limit)
}
RETURN id AS key, b {.*} AS node
