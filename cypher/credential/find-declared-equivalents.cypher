// Declared equivalences of each credential in either direction, one row per other credential; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node (other credential), assertions (list of {assertedBy, note, at}).
UNWIND $ids AS id
CALL (id) {
  MATCH (:Credential {id: id})-[r:EQUIVALENT_TO]-(o:Credential)
  WITH o, collect(r {.assertedBy, .note, .at}) AS assertions
  RETURN o, assertions ORDER BY o.title LIMIT toInteger($limit)
}
RETURN id AS key, o {.*} AS node, assertions
