// A cheap fingerprint of the registry skills the matcher indexes: changes when one is added or updated.
// Params: none. Returns one row: skills, updatedAt.
MATCH (s:Skill)
WHERE s.providerId IS NULL
RETURN count(s) AS skills, max(s.updatedAt) AS updatedAt
