// These credentials, whole, each with what the read asks for below it (the fragment
// credential-relations), in one round trip: a read of credentials by id.
// Params: $ids, $want, $limits (see the fragment; $nodeFields is not used).
// Returns rows: key, node, relations (the fragment's list).
UNWIND $ids AS id
MATCH (c:Credential {id: id})
RETURN id AS key, c {.*} AS node, /*include:credential-relations*/ AS relations
