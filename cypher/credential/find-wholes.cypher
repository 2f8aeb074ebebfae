// The wholes each credential is part of, with whether it is a required part, batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node (credential map), required.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Credential {id: id})-[r:PART_OF]->(w:Credential)
  RETURN w, r ORDER BY w.title, w.id LIMIT toInteger($limit)
}
RETURN id AS key, w {.*} AS node, r.required AS required
