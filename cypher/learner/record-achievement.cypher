// Records that a learner earned a credential (one award per learner and credential; a repeat
// updates the dates).
// Params: $learnerId, $credentialId, $issuedAt, $expiresAt, $issuedBy, $now. Returns one row: issuedAt, expiresAt.
MATCH (l:Learner {id: $learnerId}), (c:Credential {id: $credentialId})
MERGE (l)-[e:EARNED]->(c)
  ON CREATE SET e.recordedAt = $now
SET e.issuedAt = $issuedAt, e.expiresAt = $expiresAt, e.issuedBy = $issuedBy
RETURN e.issuedAt AS issuedAt, e.expiresAt AS expiresAt
