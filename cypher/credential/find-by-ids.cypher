// Credentials by id, for the credential loader.
// Params: $ids. Returns rows: node (credential map).
UNWIND $ids AS id
MATCH (c:Credential {id: id})
RETURN c {.*} AS node
