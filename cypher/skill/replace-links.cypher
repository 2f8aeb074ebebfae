// Replaces the outgoing BROADER and RELATED_TO links of the given skills.
// Params: $links (list of {id, broader: [ids], related: [{skillId, essential}]}). Returns one row: count.
UNWIND $links AS l
MATCH (s:Skill {id: l.id})
CALL (s) {
  OPTIONAL MATCH (s)-[old:BROADER|RELATED_TO]->(:Skill)
  DELETE old
}
CALL (s, l) {
  UNWIND l.broader AS parentId
  MATCH (p:Skill {id: parentId})
  MERGE (s)-[:BROADER]->(p)
}
CALL (s, l) {
  UNWIND l.related AS rel
  MATCH (o:Skill {id: rel.skillId})
  MERGE (s)-[r:RELATED_TO]->(o)
  SET r.essential = rel.essential
}
RETURN count(s) AS count
