// Records that a learner earned a credential (one award per learner and credential; a repeat
// updates the dates, says who recorded it last and when, and lifts a revocation).
// Params: $learnerId, $credentialId, $issuedAt, $expiresAt, $issuedBy, $now.
// Returns one row: issuedAt, expiresAt, recordedBy, recordedAt.
MATCH (l:Learner {id: $learnerId}), (c:Credential {id: $credentialId})
MERGE (l)-[e:EARNED]->(c)
SET e.issuedAt = $issuedAt, e.expiresAt = $expiresAt, e.issuedBy = $issuedBy, e.recordedAt = $now
REMOVE e.revokedAt, e.revokedReason, e.revokedBy
RETURN e.issuedAt AS issuedAt, e.expiresAt AS expiresAt, e.issuedBy AS recordedBy,
       e.recordedAt AS recordedAt
