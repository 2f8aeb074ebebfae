// Related job roles of each role, with tier and rank, batched.
// Params: $ids. Returns rows: key, node, tier, rank.
UNWIND $ids AS id
MATCH (:JobRole {id: id})-[r:RELATED_ROLE]->(o:JobRole)
RETURN id AS key, o {.*} AS node, r.tier AS tier, r.rank AS rank
ORDER BY r.rank, o.title
