// The providers each learner granted the right to record awards, batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node (provider map), grantedAt.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Learner {id: id})-[g:GRANTS]->(p:Provider)
  RETURN p, g ORDER BY g.at DESC LIMIT toInteger($limit)
}
RETURN id AS key, p {.*} AS node, g.at AS grantedAt
