// Declared equivalences of each credential in either direction, one row per other credential
// (the fragment declared-equivalents).
// Params: $ids, $declaredLimit. Returns rows: key, node (other credential), assertions (list of
// {assertedBy, note, at}).
UNWIND $ids AS id
CALL (id) {
  MATCH (c:Credential {id: id})
  CALL (c) {
    /*include:declared-equivalents*/
  }
  RETURN o, assertions
}
RETURN id AS key, o {.*} AS node, assertions
