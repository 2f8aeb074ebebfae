// Stores a credential's content hash after its skills were changed by a mapping.
// Params: $id, $hash. Returns one row: id.
MATCH (c:Credential {id: $id})
SET c.contentHash = $hash
RETURN c.id AS id
