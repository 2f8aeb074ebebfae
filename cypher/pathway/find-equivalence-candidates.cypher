// A credential's skills with their direct parents and children, and the active credentials that
// share a skill with it exactly or one BROADER step away (parent or child), with their skills: the
// $limit candidates that touch most of its skills, so a popular skill cannot flood the scoring.
// Each skill carries df, how many credentials teach it (its degree), so generic skills can weigh little.
// Candidates carry what scoring reads, as lists (up to a hundred of them: no key names to send):
// [id, providerId, eqfLevel, hours, skills ([id, df])]; the chosen ones load whole afterwards.
// With them, the credentials declared equivalent to it (the fragment declared-equivalents), so
// the whole answer costs one round trip before the nodes it names load.
// Params: $id, $limit, $declaredLimit. Returns zero or one row: start, skills, candidates,
// catalogue, declared ([{node, assertions}]).
MATCH (c:Credential {id: $id})
CALL (c) {
  MATCH (c)-[:TEACHES]->(s:Skill)
  RETURN collect({
    id: s.id,
    label: s.label,
    df: COUNT { (s)<-[:TEACHES]-() },
    parents: COLLECT { MATCH (s)-[:BROADER]->(p:Skill) RETURN p.id },
    children: COLLECT { MATCH (s)<-[:BROADER]-(k:Skill) RETURN k.id }
  }) AS skills
}
CALL (c) {
  MATCH (c)-[:TEACHES]->(s:Skill)
  CALL (s) {
    RETURN s AS n
    UNION
    MATCH (s)-[:BROADER]->(n:Skill) RETURN n
    UNION
    MATCH (s)<-[:BROADER]-(n:Skill) RETURN n
  }
  MATCH (n)<-[:TEACHES]-(o:Credential)
  WHERE o <> c AND o.status = 'ACTIVE'
  WITH o, count(*) AS touching
  ORDER BY touching DESC, o.id
  LIMIT toInteger($limit)
  RETURN collect([
    o.id, o.providerId, o.eqfLevel, o.hours,
    COLLECT { MATCH (o)-[:TEACHES]->(t:Skill) RETURN [t.id, COUNT { (t)<-[:TEACHES]-() }] }
  ]) AS candidates
}
CALL () {
  MATCH (x:Credential)
  RETURN count(x) AS catalogue
}
CALL (c) {
  CALL (c) {
    /*include:declared-equivalents*/
  }
  RETURN collect({node: o {.*}, assertions: assertions}) AS declared
}
RETURN c {.*} AS start, skills, candidates, catalogue, declared
