// Providers by id, for the provider loader.
// Params: $ids (list of ids). Returns rows: node (provider map).
UNWIND $ids AS id
MATCH (p:Provider {id: id})
RETURN p {.*} AS node
