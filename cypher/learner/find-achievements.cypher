// Each learner's achievements (earned credentials) with who recorded them and any revocation,
// newest first, batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node (credential map), issuedAt, expiresAt, recordedBy,
// recordedAt, revokedAt, revokedReason.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Learner {id: id})-[e:EARNED]->(c:Credential)
  RETURN c, e ORDER BY e.issuedAt DESC LIMIT toInteger($limit)
}
RETURN id AS key, c {.*} AS node, e.issuedAt AS issuedAt, e.expiresAt AS expiresAt,
       e.issuedBy AS recordedBy, e.recordedAt AS recordedAt, e.revokedAt AS revokedAt,
       e.revokedReason AS revokedReason
