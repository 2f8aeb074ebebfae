// One row per credential for the consistency report, with its skill ids and provider country.
// Params: $providerIds, $types, $statuses (null = any). Returns rows: node, country, skillIds.
MATCH (p:Provider)-[:OFFERS]->(c:Credential)
WHERE ($providerIds IS NULL OR p.id IN $providerIds)
  AND ($types IS NULL OR c.credentialType IN $types)
  AND ($statuses IS NULL OR c.status IN $statuses)
RETURN c {.*} AS node, p.country AS country, p.name AS providerName,
       COLLECT { MATCH (c)-[:TEACHES]->(s:Skill) RETURN s.id } AS skillIds
ORDER BY c.id
