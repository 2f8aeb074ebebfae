// Candidates for broadening from a credential or a learner: active credentials within one EQF level
// of the start that teach a skill adjacent to the start (sharing a BROADER parent with, or
// RELATED_TO, a start skill), and siblings that are PART_OF the same whole as a start credential.
// The start of a learner is their unexpired earned credentials plus HAS_SKILL skills.
// Params: $credentialId, $learnerId (one of them), $today, $limit.
// Returns one row, in lists (hundreds of candidates: no key names to send): startSkills (ids), eqf,
// candidates ([id, skill ids, ids of the wholes it is a sibling under]), skills (the facts of
// every skill named, once each: see the fragment skill-facts), adjacency ([skill id, via (a start
// skill id), how]), catalogue (how many credentials the registry holds). Shared parents with more
// than 60 children do not count.
CALL () {
  OPTIONAL MATCH (c0:Credential {id: $credentialId})
  OPTIONAL MATCH (l:Learner {id: $learnerId})-[e:EARNED]->(ce:Credential)
  WHERE (e.expiresAt IS NULL OR e.expiresAt > $today) AND e.revokedAt IS NULL
  WITH [x IN collect(DISTINCT c0) + collect(DISTINCT ce) WHERE x IS NOT NULL] AS starts
  RETURN starts
}
CALL (starts) {
  UNWIND starts AS st
  MATCH (st)-[:TEACHES]->(s:Skill)
  RETURN collect(DISTINCT s) AS taught
}
CALL () {
  OPTIONAL MATCH (:Learner {id: $learnerId})-[:HAS_SKILL]->(s:Skill)
  RETURN collect(s) AS declared
}
WITH starts, [s IN taught + declared | s] AS startSkills,
     reduce(m = null, st IN starts | CASE WHEN m IS NULL OR st.eqfLevel > m THEN st.eqfLevel ELSE m END) AS eqf
CALL (startSkills) {
  UNWIND startSkills AS s
  CALL (s) {
    // A parent with hundreds of children (an ESCO skill group) says little about adjacency.
    MATCH (s)-[:BROADER]->(parent:Skill)
    WHERE COUNT { (parent)<-[:BROADER]-(:Skill) } <= 60
    MATCH (parent)<-[:BROADER]-(n:Skill)
    RETURN n, 'SHARED_PARENT' AS how
    UNION
    MATCH (s)-[:RELATED_TO]-(n:Skill)
    RETURN n, 'RELATED' AS how
  }
  WITH s, n, how WHERE NOT n IN startSkills
  RETURN collect(DISTINCT [n.id, s.id, how]) AS adjacency
}
CALL (starts, startSkills, adjacency, eqf) {
  UNWIND adjacency AS adj
  MATCH (:Skill {id: adj[0]})<-[:TEACHES]-(c:Credential)
  WHERE c.status = 'ACTIVE' AND NOT c IN starts
    AND (eqf IS NULL OR c.eqfLevel IS NULL OR abs(c.eqfLevel - eqf) <= 1)
  WITH DISTINCT c LIMIT toInteger($limit)
  RETURN c, null AS siblingOf
  UNION
  UNWIND starts AS st
  MATCH (st)-[:PART_OF]->(w:Credential)<-[:PART_OF]-(c:Credential)
  WHERE c.status = 'ACTIVE' AND NOT c IN starts
  RETURN c, w.id AS siblingOf
}
WITH startSkills, eqf, adjacency, c, collect(siblingOf) AS siblingOf
LIMIT toInteger($limit)
WITH startSkills, eqf, adjacency,
     collect([c, COLLECT { MATCH (c)-[:TEACHES]->(t:Skill) RETURN t }, siblingOf]) AS rows
// The facts of each skill once, however many candidates teach it.
CALL (startSkills, rows) {
  UNWIND startSkills + reduce(all = [], r IN rows | all + r[1]) AS s
  WITH DISTINCT s
  RETURN collect(/*include:skill-facts*/) AS skills
}
RETURN [s IN startSkills | s.id] AS startSkills, eqf, adjacency, skills,
       [r IN rows | [r[0].id, [t IN r[1] | t.id], r[2]]] AS candidates,
       COUNT { MATCH (x:Credential) } AS catalogue
