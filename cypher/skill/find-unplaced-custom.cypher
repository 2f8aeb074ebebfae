// Providers' custom skills not yet placed by this model (no proposals or group from it yet).
// Params: $model, $limit. Returns rows: id, label, providerId.
MATCH (k:Skill {framework: 'CUSTOM'})
WHERE k.providerId IS NOT NULL AND coalesce(k.placedBy, '') <> $model
RETURN k.id AS id, k.label AS label, k.providerId AS providerId
ORDER BY k.createdAt, k.id
LIMIT toInteger($limit)
