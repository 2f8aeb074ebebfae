// Related job roles of each role, with tier and rank, batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node, tier, rank.
UNWIND $ids AS id
CALL (id) {
  MATCH (:JobRole {id: id})-[r:RELATED_ROLE]->(o:JobRole)
  RETURN o, r ORDER BY r.rank, o.title LIMIT toInteger($limit)
}
RETURN id AS key, o {.*} AS node, r.tier AS tier, r.rank AS rank
