// How many live admin keys exist, to decide whether to generate the first one.
// Params: none. Returns one row: count.
MATCH (k:ApiKey {role: 'ADMIN'})
WHERE k.revokedAt IS NULL
RETURN count(k) AS count
