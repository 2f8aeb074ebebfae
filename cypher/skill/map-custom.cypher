// Maps a custom skill to a taxonomy skill: the credentials that teach it, directly or through an
// earlier mapping, teach the target instead (at the higher level when they already did).
// Params: $customId, $skillId, $now. Returns one row: credentialIds (the credentials whose skills changed).
MATCH (c:Skill {id: $customId, framework: 'CUSTOM'})
MATCH (t:Skill {id: $skillId})
OPTIONAL MATCH (c)-[old:MAPS_TO]->()
DELETE old
WITH DISTINCT c, t
MERGE (c)-[m:MAPS_TO]->(t)
SET m.at = $now
WITH c, t
OPTIONAL MATCH (cr:Credential)-[r:TEACHES]->(k:Skill)
WHERE (k = c OR r.via = c.id) AND k <> t
WITH c, t, collect({credential: cr, link: r}) AS moves
CALL (c, t, moves) {
  UNWIND moves AS move
  WITH c, t, move.credential AS cr, move.link AS r
  WHERE cr IS NOT NULL
  MERGE (cr)-[n:TEACHES]->(t)
    ON CREATE SET n.level = r.level, n.label = r.label, n.via = c.id
    ON MATCH SET n.level = CASE WHEN r.level > n.level THEN r.level ELSE n.level END
  DELETE r
  RETURN collect(DISTINCT cr.id) AS credentialIds
}
RETURN credentialIds
