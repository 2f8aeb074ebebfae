// The job roles each credential prepares for, batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node (job role map).
UNWIND $ids AS id
CALL (id) {
  MATCH (:Credential {id: id})-[:PREPARES_FOR]->(j:JobRole)
  RETURN j ORDER BY j.title, j.id LIMIT toInteger($limit)
}
RETURN id AS key, j {.*} AS node
