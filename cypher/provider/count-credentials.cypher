// How many of a provider's credentials match the catalogue filter (run only when totalCount is asked).
// Params: $id, and the filter as in provider/find-credentials. Returns one row: total.
MATCH (:Provider {id: $id})-[:OFFERS]->(c:Credential)
WHERE ($types IS NULL OR c.credentialType IN $types)
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
