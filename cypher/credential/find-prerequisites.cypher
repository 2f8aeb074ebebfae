// The credentials each credential requires, batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node (credential map).
UNWIND $ids AS id
CALL (id) {
  MATCH (:Credential {id: id})-[:REQUIRES]->(p:Credential)
  RETURN p ORDER BY p.title, p.id LIMIT toInteger($limit)
}
RETURN id AS key, p {.*} AS node
