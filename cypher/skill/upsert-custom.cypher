// Creates provider-defined (CUSTOM) skills that do not exist yet; existing ones are left as they are.
// Params: $skills (list of {id, label, providerId}), $now. Returns one row: count.
UNWIND $skills AS s
MERGE (k:Skill {id: s.id})
  ON CREATE SET k.label = s.label, k.altLabels = [], k.framework = 'CUSTOM', k.skillType = 'SKILL',
                k.providerId = s.providerId, k.description = null, k.createdAt = $now,
                k.updatedAt = $now
RETURN count(k) AS count
