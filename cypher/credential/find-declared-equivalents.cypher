// Declared equivalences of each credential in either direction, one row per other credential.
// Params: $ids. Returns rows: key, node (other credential), assertions (list of {assertedBy, note, at}).
UNWIND $ids AS id
MATCH (c:Credential {id: id})-[r:EQUIVALENT_TO]-(o:Credential)
WITH id, o, collect(r {.assertedBy, .note, .at}) AS assertions
RETURN id AS key, o {.*} AS node, assertions
ORDER BY o.title
