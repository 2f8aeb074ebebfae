// Removes each job role's O*NET requirements that the imported files no longer give (import batches).
// Params: $rows ([{roleId, skillIds}]). Returns one row: count (links removed).
UNWIND $rows AS row
MATCH (:JobRole {id: row.roleId})-[r:REQUIRES_SKILL]->(s:Skill {framework: 'ONET'})
WHERE NOT s.id IN row.skillIds
DELETE r
RETURN count(*) AS count
