// Stacking paths from a credential through REQUIRES and PART_OF over active credentials. UP climbs
// (to what the start unlocks and the wholes it is part of); DOWN lists what leads into it.
// At most 10,000 paths are considered, so a dense graph stays within bounds.
// Params: $from, $to (null = any end), $direction ('UP' | 'DOWN'), $maxDepth (1-6), $first.
// Returns rows: start, steps ([{credential, link}]), totalHours, totalPrice, currencies, providerIds.
MATCH (s:Credential {id: $from})
MATCH p = (s)((a:Credential)-[r:REQUIRES|PART_OF]-(b:Credential)
  WHERE b.status = 'ACTIVE' AND
    CASE $direction
      WHEN 'UP' THEN (type(r) = 'PART_OF' AND startNode(r) = a) OR (type(r) = 'REQUIRES' AND startNode(r) = b)
      ELSE (type(r) = 'PART_OF' AND startNode(r) = b) OR (type(r) = 'REQUIRES' AND startNode(r) = a)
    END
){1,6}(e:Credential)
WHERE length(p) <= $maxDepth AND ($to IS NULL OR e.id = $to)
WITH s, p LIMIT 10000
WITH s, p, tail(nodes(p)) AS taken
WITH s, p, taken,
     reduce(h = 0.0, n IN taken | h + coalesce(n.hours, 0.0)) AS totalHours,
     reduce(c = 0.0, n IN taken | c + coalesce(n.price, 0.0)) AS totalPrice
ORDER BY totalHours, length(p), [n IN taken | n.id]
LIMIT toInteger($first)
RETURN s {.*} AS start,
       [i IN range(0, length(p) - 1) |
         {credential: properties(nodes(p)[i + 1]),
          link: CASE
            WHEN type(relationships(p)[i]) = 'PART_OF' AND $direction = 'UP' THEN 'PART_OF'
            WHEN type(relationships(p)[i]) = 'PART_OF' THEN 'HAS_PART'
            WHEN $direction = 'UP' THEN 'UNLOCKS'
            ELSE 'REQUIRES' END,
          required: relationships(p)[i].required}] AS steps,
       totalHours, totalPrice,
       [c IN collect {UNWIND taken AS n RETURN DISTINCT n.currency} WHERE c IS NOT NULL] AS currencies,
       collect {UNWIND nodes(p) AS n RETURN DISTINCT n.providerId} AS providerIds
