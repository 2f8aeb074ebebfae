// Revokes every live key of one subject (for key rotation).
// Params: $role, $subjectId, $now. Returns one row: revoked (count).
OPTIONAL MATCH (k:ApiKey {role: $role, subjectId: $subjectId})
WHERE k.revokedAt IS NULL
SET k.revokedAt = $now
RETURN count(k) AS revoked
