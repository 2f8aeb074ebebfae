// Sets a credential's status (ACTIVE or RETIRED) and stamps the change.
// Params: $id, $status, $now. Returns one row: node.
MATCH (c:Credential {id: $id})
SET c.status = $status, c.updatedAt = $now
RETURN c {.*} AS node
