// Creates a provider unless one with this id exists; `created` tells which happened.
// Params: $props (id, name, kind, country, website), $now. Returns one row: node, created.
MERGE (p:Provider {id: $props.id})
  ON CREATE SET p += $props, p.createdAt = $now, p.updatedAt = $now
RETURN p {.*} AS node, p.createdAt = $now AS created
