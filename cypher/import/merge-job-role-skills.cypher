// Sets REQUIRES_SKILL links of existing job roles to existing skills (import batches).
// Params: $rows ([{roleId, skillId, essential, importance, level, reliable?, evidence?}]). Returns one row: count.
UNWIND $rows AS row
MATCH (j:JobRole {id: row.roleId}), (s:Skill {id: row.skillId})
MERGE (j)-[r:REQUIRES_SKILL]->(s)
SET r.essential = row.essential, r.importance = row.importance, r.level = row.level,
    // Kept only where they say something: an unreliable rating, technology examples.
    r.reliable = CASE WHEN row.reliable = false THEN false END,
    r.evidence = CASE WHEN size(coalesce(row.evidence, [])) > 0 THEN row.evidence END
RETURN count(r) AS count
