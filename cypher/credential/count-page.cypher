// How many credentials match the catalogue filter (see find-page; run only when totalCount is asked).
// Params: as credential/find-page, without $skip and $first. Returns one row: total.
MATCH (c:Credential)
WHERE c.title IS NOT NULL
  AND ($providerIds IS NULL OR c.providerId IN $providerIds)
  AND ($types IS NULL OR c.credentialType IN $types)
  AND ($statuses IS NULL OR c.status IN $statuses)
  AND ($eqfMin IS NULL OR c.eqfLevel >= $eqfMin)
  AND ($eqfMax IS NULL OR c.eqfLevel <= $eqfMax)
  AND ($maxHours IS NULL OR c.hours <= $maxHours)
  AND ($maxPrice IS NULL OR c.price <= $maxPrice)
  AND ($language IS NULL OR c.language = $language)
  AND ($deliveryModes IS NULL OR c.deliveryMode IN $deliveryModes)
  AND ($skillIds IS NULL OR EXISTS {
    MATCH (c)-[:TEACHES]->(:Skill)-[:BROADER*0..8]->(t:Skill) WHERE t.id IN $skillIds
  })
RETURN count(c) AS total
