// The live API key with this hash, if any.
// Params: $hash. Returns zero or one row: role, subjectId.
MATCH (k:ApiKey {hash: $hash})
WHERE k.revokedAt IS NULL
RETURN k.role AS role, k.subjectId AS subjectId
