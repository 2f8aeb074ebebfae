// Each learner's achievements (earned credentials), newest first, batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node (credential map), issuedAt, expiresAt.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Learner {id: id})-[e:EARNED]->(c:Credential)
  RETURN c, e ORDER BY e.issuedAt DESC LIMIT toInteger($limit)
}
RETURN id AS key, c {.*} AS node, e.issuedAt AS issuedAt, e.expiresAt AS expiresAt
