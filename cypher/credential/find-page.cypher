// One page of credentials matching the catalogue filter, ordered by title (the title index gives
// the order, so a page reads about a page), one more than asked so the caller knows if more follow.
// Params: $providerIds, $types, $skillIds (a skill matches its narrower skills too), $eqfMin, $eqfMax,
// $maxHours, $maxPrice, $language, $deliveryModes, $statuses (each null = any), $skip, $first.
// Returns rows: node.
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
WITH c ORDER BY c.title, c.id
SKIP toInteger($skip) LIMIT toInteger($first) + 1
RETURN c {.*} AS node
