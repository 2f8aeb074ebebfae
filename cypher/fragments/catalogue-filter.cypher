// The catalogue filter on a credential `c`, for a WHERE clause (included by the catalogue page and
// count, a provider's credential page and the plan candidates). The finer criteria are looked at
// only when $narrowed says one of them is set: most reads set none, and a predicate costs on every
// credential read.
// Params: $providerIds, $statuses, $narrowed, $types, $skillIds (a skill matches its narrower
// skills too), $eqfMin, $eqfMax, $maxHours, $maxPrice, $language, $deliveryModes (each null = any).
($statuses IS NULL OR c.status IN $statuses)
  AND ($providerIds IS NULL OR c.providerId IN $providerIds)
  AND (NOT $narrowed OR (
    ($types IS NULL OR c.credentialType IN $types)
    AND ($eqfMin IS NULL OR c.eqfLevel >= $eqfMin)
    AND ($eqfMax IS NULL OR c.eqfLevel <= $eqfMax)
    AND ($maxHours IS NULL OR c.hours <= $maxHours)
    AND ($maxPrice IS NULL OR c.price <= $maxPrice)
    AND ($language IS NULL OR c.language = $language)
    AND ($deliveryModes IS NULL OR c.deliveryMode IN $deliveryModes)
    AND ($skillIds IS NULL OR EXISTS {
      MATCH (c)-[:TEACHES]->(:Skill)-[:BROADER*0..8]->(asked:Skill) WHERE asked.id IN $skillIds
    })
  ))
