// The broader job roles of each role, batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node.
UNWIND $ids AS id
CALL (id) {
  MATCH (:JobRole {id: id})-[:BROADER]->(b:JobRole)
  RETURN b ORDER BY b.title LIMIT toInteger($limit)
}
RETURN id AS key, b {.*} AS node
