// Benchmark data: learners with achievements and own skills. Params: $rows ([{id, achievements, skills}]), $now.
UNWIND $rows AS row
CREATE (l:Learner {id: row.id, createdAt: $now})
WITH l, row
CALL (l, row) {
  UNWIND row.achievements AS a
  MATCH (c:Credential {id: a.credentialId})
  CREATE (l)-[:EARNED {issuedAt: a.issuedAt, expiresAt: a.expiresAt}]->(c)
}
CALL (l, row) {
  UNWIND row.skills AS s
  MATCH (k:Skill {id: s.skillId})
  CREATE (l)-[:HAS_SKILL {level: s.level, source: 'SELF'}]->(k)
}
RETURN count(l) AS count
