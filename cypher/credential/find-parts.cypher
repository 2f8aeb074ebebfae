// The parts of each credential, with whether each is required, batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node (credential map), required.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Credential {id: id})<-[r:PART_OF]-(p:Credential)
  RETURN p, r ORDER BY p.title, p.id LIMIT toInteger($limit)
}
RETURN id AS key, p {.*} AS node, r.required AS required
