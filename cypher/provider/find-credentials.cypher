// One page of each provider's credentials matching the catalogue filter (ordered by title), batched
// over providers, one more than asked so the caller knows if more follow, each with what the read
// asks for below it (the fragment credential-relations) when $want is set.
// Params: $ids (provider ids), the catalogue filter (fragment catalogue-filter; $providerIds null),
// $skip, $first, $nodeFields and $want (as credential/find-page), $limits.
// Returns rows: key, provider (the provider itself, so a provider read with its page costs one
// round trip), nodes (lists [node, relations], each as credential/find-page gives them).
UNWIND $ids AS id
CALL (id) {
  MATCH (:Provider {id: id})-[:OFFERS]->(c:Credential)
  WHERE /*include:catalogue-filter*/
  WITH c ORDER BY c.title, c.id
  SKIP toInteger($skip) LIMIT toInteger($first) + 1
  RETURN collect([
    CASE WHEN $nodeFields IS NULL THEN c {.*} ELSE [k IN $nodeFields | c[k]] END,
    CASE WHEN $want IS NOT NULL THEN /*include:credential-relations*/ END
  ]) AS nodes
}
RETURN id AS key, COLLECT { MATCH (p:Provider {id: id}) RETURN p {.*} } AS provider, nodes
