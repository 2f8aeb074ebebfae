// Stacking paths from a credential through REQUIRES and PART_OF over active credentials. UP climbs
// (to what the start unlocks and the wholes it is part of); DOWN lists what leads into it.
// At most 10,000 paths are considered, so a dense graph stays within bounds.
// Params: $from, $to (null = any end), $direction ('UP' | 'DOWN'), $maxDepth (1-6), $first.
// Totals count each credential once: a whole adds only what its parts on the path (the start
// included) do not already hold; an unknown price anywhere on the path makes the price unknown.
// Returns rows: start, steps ([{credential, link}]), totalHours, totalPrice (null when unknown),
// priceKnown, partsExceedWhole, currencies, providerIds.
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
WITH s, p, nodes(p) AS ns, tail(nodes(p)) AS taken
// Each credential taken holds its direct parts that lie anywhere on the path (the start included):
// their hours and price are inside its own, so it adds only the rest. A negative rest, or required
// parts whose hours add up to more than their whole's, means the data disagree (partsExceedWhole).
WITH s, p, taken,
     [n IN taken | [x IN ns WHERE x <> n AND EXISTS { (x)-[:PART_OF]->(n) }]] AS inside
WITH s, p, taken, inside,
     [i IN range(0, size(taken) - 1) |
       coalesce(taken[i].hours, 0.0) - reduce(h = 0.0, x IN inside[i] | h + coalesce(x.hours, 0.0))]
       AS hourRests,
     [i IN range(0, size(taken) - 1) |
       coalesce(taken[i].price, 0.0) - reduce(c = 0.0, x IN inside[i] | c + coalesce(x.price, 0.0))]
       AS priceRests,
     all(n IN taken WHERE n.price IS NOT NULL)
       AND all(held IN inside WHERE all(x IN held WHERE x.price IS NOT NULL)) AS priceKnown
WITH s, p, taken, priceKnown,
     round(reduce(h = 0.0, v IN hourRests | h + CASE WHEN v > 0 THEN v ELSE 0.0 END), 1) AS totalHours,
     CASE WHEN priceKnown
       THEN round(reduce(c = 0.0, v IN priceRests | c + CASE WHEN v > 0 THEN v ELSE 0.0 END), 2)
     END AS totalPrice,
     any(v IN hourRests WHERE v < -0.05) OR (priceKnown AND any(v IN priceRests WHERE v < -0.005))
       OR any(n IN taken WHERE n.hours IS NOT NULL AND
         reduce(h = 0.0, x IN COLLECT { MATCH (x:Credential)-[r:PART_OF]->(n)
                                        WHERE coalesce(r.required, true) RETURN x } |
                h + coalesce(x.hours, 0.0)) > n.hours + 0.05)
       AS partsExceedWhole
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
       totalHours, totalPrice, priceKnown, partsExceedWhole,
       [c IN collect {UNWIND taken AS n RETURN DISTINCT n.currency} WHERE c IS NOT NULL] AS currencies,
       collect {UNWIND nodes(p) AS n RETURN DISTINCT n.providerId} AS providerIds
