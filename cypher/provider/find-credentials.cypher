// One page of each provider's credentials (ordered by title), batched over providers.
// Params: $ids (provider ids), $skip, $first. Returns rows: key, total, nodes.
UNWIND $ids AS id
CALL (id) {
  OPTIONAL MATCH (:Provider {id: id})-[:OFFERS]->(c:Credential)
  WITH c ORDER BY c.title, c.id
  RETURN collect(c {.*}) AS items
}
RETURN id AS key, size(items) AS total, items[toInteger($skip)..toInteger($skip) + toInteger($first)] AS nodes
