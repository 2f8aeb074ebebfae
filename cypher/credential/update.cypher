// Overwrites a credential's descriptive properties (null removes one) and stamps the change.
// Params: $id, $props, $contentHash, $now. Returns one row: node.
MATCH (c:Credential {id: $id})
SET c += $props, c.contentHash = $contentHash, c.updatedAt = $now
RETURN c {.*} AS node
