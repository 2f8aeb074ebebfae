// One page of providers ordered by name (index order), one more than asked so the caller knows if
// more follow.
// Params: $skip, $first. Returns rows: node (provider maps).
MATCH (p:Provider)
WHERE p.name IS NOT NULL
WITH p ORDER BY p.name, p.id
SKIP toInteger($skip) LIMIT toInteger($first) + 1
RETURN p {.*} AS node
