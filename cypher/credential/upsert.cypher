// Registers credentials by their natural key (provider, externalId); writes a credential only when
// its content hash differs, so the same registration twice changes nothing.
// Params: $rows ([{index, providerId, externalId, id, props, contentHash}]), $now.
// Returns rows: index, node, created, changed.
UNWIND $rows AS row
MATCH (p:Provider {id: row.providerId})
MERGE (c:Credential {providerId: row.providerId, externalId: row.externalId})
  ON CREATE SET c.id = row.id, c.createdAt = $now, c.status = 'ACTIVE'
MERGE (p)-[:OFFERS]->(c)
WITH row, c, c.createdAt = $now AS created, coalesce(c.contentHash = row.contentHash, false) AS unchanged
CALL (row, c, unchanged) {
  WITH row, c WHERE NOT unchanged
  SET c += row.props, c.contentHash = row.contentHash, c.updatedAt = $now
}
RETURN row.index AS index, c {.*} AS node, created, NOT unchanged AS changed
