// Registers a credential by its natural key (provider, externalId); writes only when the content
// hash differs, so the same registration twice changes nothing.
// Params: $providerId, $externalId, $id, $props, $contentHash, $now. Returns one row: node, created, changed.
MATCH (p:Provider {id: $providerId})
MERGE (c:Credential {providerId: $providerId, externalId: $externalId})
  ON CREATE SET c.id = $id, c.createdAt = $now, c.status = 'ACTIVE'
MERGE (p)-[:OFFERS]->(c)
WITH c, c.createdAt = $now AS created, coalesce(c.contentHash = $contentHash, false) AS unchanged
CALL (c, unchanged) {
  WITH c WHERE NOT unchanged
  SET c += $props, c.contentHash = $contentHash, c.updatedAt = $now
}
RETURN c {.*} AS node, created, NOT unchanged AS changed
