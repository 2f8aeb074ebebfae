// Stacking paths from a credential through REQUIRES and PART_OF over active credentials. UP climbs
// (to what the start unlocks and the wholes it is part of); DOWN lists what leads into it.
// At most 10,000 paths are considered, so a dense graph stays within bounds.
// Params: $from, $to (null = any end), $direction ('UP' | 'DOWN'), $maxDepth (1-6), $first.
// Totals count each credential once: a whole adds only what its part on the path (the step before
// it going UP, after it going DOWN) does not already hold; an unknown price makes the price unknown.
// Returns rows: start, steps ([{credential, link}]), totalHours, totalPrice (null when unknown),
// priceKnown, currencies, providerIds.
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
WITH s, p, nodes(p) AS ns, relationships(p) AS rs, tail(nodes(p)) AS taken
// For each step, the part on the path that the step's credential contains (null if none).
WITH s, p, ns, taken,
     [i IN range(0, size(rs) - 1) |
       CASE
         WHEN $direction = 'UP' AND type(rs[i]) = 'PART_OF' THEN ns[i]
         WHEN $direction <> 'UP' AND i + 1 < size(rs) AND type(rs[i + 1]) = 'PART_OF' THEN ns[i + 2]
       END] AS held
WITH s, p, taken, held,
     reduce(h = 0.0, i IN range(0, size(taken) - 1) |
       h + CASE WHEN coalesce(taken[i].hours, 0.0) > coalesce(held[i].hours, 0.0)
                THEN coalesce(taken[i].hours, 0.0) - coalesce(held[i].hours, 0.0) ELSE 0.0 END)
       AS hours,
     reduce(c = 0.0, i IN range(0, size(taken) - 1) |
       c + CASE WHEN coalesce(taken[i].price, 0.0) > coalesce(held[i].price, 0.0)
                THEN coalesce(taken[i].price, 0.0) - coalesce(held[i].price, 0.0) ELSE 0.0 END)
       AS price,
     all(n IN taken WHERE n.price IS NOT NULL)
       AND all(h IN held WHERE h IS NULL OR h.price IS NOT NULL) AS priceKnown
WITH s, p, taken, priceKnown, round(hours, 1) AS totalHours,
     CASE WHEN priceKnown THEN round(price, 2) END AS totalPrice
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
       totalHours, totalPrice, priceKnown,
       [c IN collect {UNWIND taken AS n RETURN DISTINCT n.currency} WHERE c IS NOT NULL] AS currencies,
       collect {UNWIND nodes(p) AS n RETURN DISTINCT n.providerId} AS providerIds
