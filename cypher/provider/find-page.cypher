// One page of providers ordered by name, with the total count.
// Params: $skip, $first. Returns one row: total, nodes (provider maps).
MATCH (p:Provider)
WITH p ORDER BY p.name, p.id
WITH collect(p {.*}) AS items
RETURN size(items) AS total, items[toInteger($skip)..toInteger($skip) + toInteger($first)] AS nodes
