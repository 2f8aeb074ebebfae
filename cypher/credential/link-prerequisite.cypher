// Records that $id requires $prerequisiteId (idempotent).
// Params: $id, $prerequisiteId, $now. Returns one row: created.
MATCH (c:Credential {id: $id}), (p:Credential {id: $prerequisiteId})
MERGE (c)-[r:REQUIRES]->(p)
  ON CREATE SET r.at = $now
RETURN r.at = $now AS created
