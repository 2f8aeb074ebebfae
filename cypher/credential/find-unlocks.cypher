// The credentials that require each credential (what it unlocks), batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node (credential map).
UNWIND $ids AS id
CALL (id) {
  MATCH (:Credential {id: id})<-[:REQUIRES]-(n:Credential)
  RETURN n ORDER BY n.title LIMIT toInteger($limit)
}
RETURN id AS key, n {.*} AS node
