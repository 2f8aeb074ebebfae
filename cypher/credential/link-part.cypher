// Records that $partId is part of $wholeId, and whether it is a required part.
// Params: $partId, $wholeId, $required, $now. Returns one row: created.
MATCH (p:Credential {id: $partId}), (w:Credential {id: $wholeId})
MERGE (p)-[r:PART_OF]->(w)
  ON CREATE SET r.at = $now
SET r.required = $required
RETURN r.at = $now AS created
