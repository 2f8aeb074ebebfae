// Stores a new API key by its hash (the key itself is never stored).
// Params: $hash, $role, $subjectId, $now. Returns one row: role.
CREATE (k:ApiKey {hash: $hash, role: $role, subjectId: $subjectId, createdAt: $now})
RETURN k.role AS role
