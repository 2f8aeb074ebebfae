// Sets the given fields of a provider (a null value removes the property).
// Params: $id, $changes (a map of name, kind, country, website), $now. Returns zero or one row: node.
MATCH (p:Provider {id: $id})
SET p += $changes, p.updatedAt = $now
RETURN p {.*} AS node
