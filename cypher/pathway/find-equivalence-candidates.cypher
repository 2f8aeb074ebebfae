// A credential's skills with their direct parents and children, and the active credentials that
// may cover the same ground, with what scoring reads: those that share a skill with it exactly, one
// BROADER step away (parent or child) or through a custom skill of the same group (another
// provider's tag of the same meaning), the $limit that touch most of its skills; and up to
// $titleLimit with the very same title, so the same course published twice is found whatever its
// skills became.
// Skills carry df, how many credentials teach them (their degree), so generic skills can weigh
// little, and a custom skill its group (the fragment custom-group).
// Candidates come as lists (up to a few hundred: no key names to send): [id, providerId, eqfLevel,
// hours, title, description (its first 500 characters), providerName, skill ids], and the skills
// they name once each as candidateSkills ([id, df, group]); the chosen ones load whole afterwards. With them, the credentials declared equivalent to it (the
// fragment declared-equivalents), so the whole answer costs one round trip before the nodes it
// names load.
// Params: $id, $limit, $titleLimit, $declaredLimit. Returns zero or one row: start,
// providerName, skills, candidates, candidateSkills, catalogue, declared ([{node, assertions}]).
MATCH (c:Credential {id: $id})
CALL (c) {
  MATCH (c)-[:TEACHES]->(s:Skill)
  RETURN collect({
    id: s.id,
    label: s.label,
    df: COUNT { (s)<-[:TEACHES]-() },
    group: /*include:custom-group*/,
    parents: COLLECT { MATCH (s)-[:BROADER]->(p:Skill) RETURN p.id },
    children: COLLECT { MATCH (s)<-[:BROADER]-(k:Skill) RETURN k.id }
  }) AS skills
}
CALL (c) {
  CALL (c) {
    MATCH (c)-[:TEACHES]->(s:Skill)
    CALL (s) {
      RETURN s AS n
      UNION
      MATCH (s)-[:BROADER]->(n:Skill) RETURN n
      UNION
      MATCH (s)<-[:BROADER]-(n:Skill) RETURN n
      UNION
      WITH s WHERE s.framework = 'CUSTOM' AND s.groupKey IS NOT NULL
      MATCH (n:Skill {groupKey: s.groupKey}) RETURN n
    }
    MATCH (n)<-[:TEACHES]-(o:Credential)
    WHERE o <> c AND o.status = 'ACTIVE'
    WITH o, count(*) AS touching
    ORDER BY touching DESC, o.id
    LIMIT toInteger($limit)
    RETURN o
    UNION
    MATCH (o:Credential {title: c.title})
    WHERE o <> c AND o.status = 'ACTIVE'
    WITH o ORDER BY o.id LIMIT toInteger($titleLimit)
    RETURN o
  }
  WITH collect([o, COLLECT { MATCH (o)-[:TEACHES]->(t:Skill) RETURN t },
                 COLLECT { MATCH (p:Provider)-[:OFFERS]->(o) RETURN p.name }[0]]) AS rows
  // The facts of each skill once, however many candidates teach it.
  CALL (rows) {
    UNWIND reduce(all = [], r IN rows | all + r[1]) AS s
    WITH DISTINCT s
    RETURN collect([s.id, COUNT { (s)<-[:TEACHES]-() },
                    /*include:custom-group*/]) AS candidateSkills
  }
  RETURN [r IN rows | [
    r[0].id, r[0].providerId, r[0].eqfLevel, r[0].hours, r[0].title,
    left(coalesce(r[0].description, ''), 500),
    r[2],
    [t IN r[1] | t.id]
  ]] AS candidates, candidateSkills
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
RETURN c {.*} AS start, COLLECT { MATCH (p:Provider)-[:OFFERS]->(c) RETURN p.name }[0] AS providerName,
       skills, candidates, candidateSkills, catalogue, declared
