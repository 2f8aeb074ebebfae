// Revokes an award recorded in error: it stays on the learner's record with its reason and never
// counts again. Params: $learnerId, $credentialId, $reason, $by, $now.
// Returns one row: revoked (0 when there is no such award).
OPTIONAL MATCH (:Learner {id: $learnerId})-[e:EARNED]->(:Credential {id: $credentialId})
SET e.revokedAt = $now, e.revokedReason = $reason, e.revokedBy = $by
RETURN count(e) AS revoked
