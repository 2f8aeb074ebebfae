// Benchmark data: credentials with their skills and roles. Params: $rows ([{providerId, props, skills, roles}]).
UNWIND $rows AS row
MATCH (p:Provider {id: row.providerId})
CREATE (c:Credential)
SET c = row.props
CREATE (p)-[:OFFERS]->(c)
WITH c, row
CALL (c, row) {
  UNWIND row.skills AS s
  MATCH (k:Skill {id: s.skillId})
  CREATE (c)-[:TEACHES {level: s.level}]->(k)
}
CALL (c, row) {
  UNWIND row.roles AS roleId
  MATCH (j:JobRole {id: roleId})
  CREATE (c)-[:PREPARES_FOR]->(j)
}
RETURN count(c) AS count
