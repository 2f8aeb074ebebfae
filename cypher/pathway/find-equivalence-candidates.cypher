// A credential's skills with their direct parents, and the active credentials that share a skill
// with it exactly or one BROADER step away (parent or child), each with their skills and parents.
// Params: $id, $limit. Returns zero or one row: start, skills, candidates ([{node, skills}]).
MATCH (c:Credential {id: $id})
CALL (c) {
  MATCH (c)-[:TEACHES]->(s:Skill)
  OPTIONAL MATCH (s)-[:BROADER]->(p:Skill)
  WITH s, collect(p.id) AS parents
  RETURN collect({id: s.id, label: s.label, parents: parents}) AS skills
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
  WITH DISTINCT o LIMIT toInteger($limit)
  CALL (o) {
    MATCH (o)-[:TEACHES]->(t:Skill)
    OPTIONAL MATCH (t)-[:BROADER]->(p:Skill)
    WITH t, collect(p.id) AS parents
    RETURN collect({id: t.id, label: t.label, parents: parents}) AS oskills
  }
  RETURN collect({node: o {.*}, skills: oskills}) AS candidates
}
RETURN c {.*} AS start, skills, candidates
