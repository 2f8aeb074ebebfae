// One page of each provider's credentials matching the catalogue filter (ordered by title), batched
// over providers, one more than asked so the caller knows if more follow; the filter reads as in
// credential/find-page ($providerIds is not used here).
// Params: $ids (provider ids), $types, $skillIds, $eqfMin, $eqfMax, $maxHours, $maxPrice, $language,
// $deliveryModes, $statuses (each null = any), $skip, $first. Returns rows: key, provider (the
// provider itself, so a provider read with its page costs one round trip), nodes.
UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH (:Provider {id: id})-[:OFFERS]->(c:Credential)
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
  WITH c ORDER BY c.title, c.id
  SKIP toInteger($skip) LIMIT toInteger($first) + 1
  RETURN collect(c {.*}) AS nodes
}
RETURN id AS key, COLLECT { MATCH (p:Provider {id: id}) RETURN p {.*} } AS provider, nodes
