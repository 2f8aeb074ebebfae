// Active credentials that cover at least one missing requirement (teaching the skill or a narrower
// one at the needed level), with what they cover and their prerequisite closure (up to 5 steps).
// Candidates match the catalogue filter (prerequisites need not: they are what they are).
// Params: $missing ([{skillId, level}]), the catalogue filter (fragment catalogue-filter; $statuses
// and $skillIds null), $limit. Returns rows: node, covers (skill ids),
// prerequisites (maps with status), edges ([{from, to}] REQUIRES links inside the closure).
UNWIND $missing AS m
MATCH (req:Skill {id: m.skillId})<-[:BROADER*0..6]-(t:Skill)<-[te:TEACHES]-(c:Credential)
WHERE c.status = 'ACTIVE' AND coalesce(te.level, 2) >= m.level
  AND /*include:catalogue-filter*/
WITH c, collect(DISTINCT m.skillId) AS covers
ORDER BY size(covers) DESC, c.id
LIMIT toInteger($limit)
OPTIONAL MATCH path = (c)-[:REQUIRES*1..5]->(:Credential)
WITH c, covers, collect(path) AS paths
RETURN c {.*} AS node, covers,
       [p IN paths | properties(last(nodes(p)))] AS prerequisites,
       reduce(acc = [], p IN paths | acc + [r IN relationships(p) | {from: startNode(r).id, to: endNode(r).id}]) AS edges
