// A credential's skills with their direct parents and children, and the active credentials that
// may cover the same ground, with what scoring reads: those that share a skill with it exactly, one
// BROADER step away (parent or child) or through a custom skill of the same group (another
// provider's tag of the same meaning), the $limit that touch most of its skills; and the
// $titleLimit whose title or description best match its title ($titleQuery, a Lucene query; null
// for none), so the same course published twice is found whatever its skills became.
// Skills carry df, how many credentials teach them (their degree), so generic skills can weigh
// little, and a custom skill its group (the fragment comparable-skill).
// Candidates come as lists (up to a few hundred: no key names to send): [id, providerId, eqfLevel,
// hours, title, description (its first 1,000 characters), providerName, skills ([id, df, group])];
// the chosen ones load whole afterwards. With them, the credentials declared equivalent to it (the
// fragment declared-equivalents), so the whole answer costs one round trip before the nodes it
// names load.
// Params: $id, $limit, $titleQuery, $titleLimit, $declaredLimit. Returns zero or one row: start,
// providerName, skills, candidates, catalogue, declared ([{node, assertions}]).
MATCH (c:Credential {id: $id})
CALL (c) {
  MATCH (c)-[:TEACHES]->(s:Skill)
  RETURN collect({
    id: s.id,
    label: s.label,
    df: COUNT { (s)<-[:TEACHES]-() },
    group: CASE WHEN s.framework = 'CUSTOM' AND s.providerId IS NOT NULL THEN /*include:comparable-skill*/ END,
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
      MATCH (n:Skill {groupKey: s.groupKey}) WHERE s.framework = 'CUSTOM' RETURN n
    }
    MATCH (n)<-[:TEACHES]-(o:Credential)
    WHERE o <> c AND o.status = 'ACTIVE'
    WITH o, count(*) AS touching
    ORDER BY touching DESC, o.id
    LIMIT toInteger($limit)
    RETURN o
    UNION
    WITH c WHERE $titleQuery IS NOT NULL
    CALL db.index.fulltext.queryNodes('credential_text', $titleQuery, {limit: 50})
    YIELD node AS o
    WITH o WHERE o <> c AND o.status = 'ACTIVE'
    LIMIT toInteger($titleLimit)
    RETURN o
  }
  RETURN collect([
    o.id, o.providerId, o.eqfLevel, o.hours, o.title, left(coalesce(o.description, ''), 1000),
    COLLECT { MATCH (p:Provider)-[:OFFERS]->(o) RETURN p.name }[0],
    COLLECT { MATCH (o)-[:TEACHES]->(s:Skill)
              RETURN [s.id, COUNT { (s)<-[:TEACHES]-() },
                      CASE WHEN s.framework = 'CUSTOM' AND s.providerId IS NOT NULL THEN /*include:comparable-skill*/ END] }
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
RETURN c {.*} AS start, COLLECT { MATCH (p:Provider)-[:OFFERS]->(c) RETURN p.name }[0] AS providerName,
       skills, candidates, catalogue, declared
