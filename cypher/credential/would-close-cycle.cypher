// Whether a new link ($kind REQUIRES or PART_OF, from $from to $to) would let a credential reach
// itself through prerequisites and parts together, read as stored (a whole that requires its own
// part) or as stacking paths run it (part -> whole, prerequisite -> dependent: a part that
// requires its own whole). Params: $kind, $from, $to. Returns one row: cycle.
MATCH (a:Credential {id: $from}), (b:Credential {id: $to})
OPTIONAL MATCH stored = SHORTEST 1 (b)-[:REQUIRES|PART_OF]->+(a)
WITH a, b, stored,
     CASE $kind WHEN 'PART_OF' THEN b ELSE a END AS start,
     CASE $kind WHEN 'PART_OF' THEN a ELSE b END AS goal
OPTIONAL MATCH stacking = SHORTEST 1 (start)((x)-[r:REQUIRES|PART_OF]-(y)
  WHERE (type(r) = 'PART_OF' AND startNode(r) = x) OR (type(r) = 'REQUIRES' AND startNode(r) = y)
)+(goal)
RETURN a = b OR stored IS NOT NULL OR stacking IS NOT NULL AS cycle
