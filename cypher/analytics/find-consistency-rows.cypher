// One row per credential for the consistency report, with its skills and provider country.
// Skills are compared by the fragment comparable-skill: a custom skill by its group, so custom
// skills of two providers with one meaning count as the same.
// Params: $providerIds, $types, $statuses (null = any). Returns rows: node, country, providerName,
// skillIds.
MATCH (p:Provider)-[:OFFERS]->(c:Credential)
WHERE ($providerIds IS NULL OR p.id IN $providerIds)
  AND ($types IS NULL OR c.credentialType IN $types)
  AND ($statuses IS NULL OR c.status IN $statuses)
RETURN c {.*} AS node, p.country AS country, p.name AS providerName,
       COLLECT { MATCH (c)-[:TEACHES]->(s:Skill) RETURN DISTINCT /*include:comparable-skill*/ AS id } AS skillIds
ORDER BY c.id
