// Sets REQUIRES_SKILL links of existing job roles to existing skills (import batches).
// Params: $rows ([{roleId, skillId, essential, importance, level}]). Returns one row: count.
UNWIND $rows AS row
MATCH (j:JobRole {id: row.roleId}), (s:Skill {id: row.skillId})
MERGE (j)-[r:REQUIRES_SKILL]->(s)
SET r.essential = row.essential, r.importance = row.importance, r.level = row.level
RETURN count(r) AS count
