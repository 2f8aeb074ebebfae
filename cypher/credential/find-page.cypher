// One page of credentials matching the catalogue filter, ordered by title, with the total count.
// Params: $providerIds, $types, $skillIds (a skill matches its narrower skills too), $eqfMin, $eqfMax,
// $maxHours, $maxPrice, $language, $deliveryModes, $statuses (each null = any), $skip, $first.
// Returns one row: total, nodes.
MATCH (c:Credential)
WHERE ($providerIds IS NULL OR c.providerId IN $providerIds)
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
WITH collect(c {.*}) AS items
RETURN size(items) AS total, items[toInteger($skip)..toInteger($skip) + toInteger($first)] AS nodes
