// Creates or updates taxonomy skills by id without touching anything else (import batches).
// Params: $rows ([{id, label, altLabels, hiddenLabels?, reuseLevel?, skillType, framework, description}]), $now.
// Returns one row: count.
UNWIND $rows AS row
MERGE (s:Skill {id: row.id})
  ON CREATE SET s.createdAt = $now
SET s.label = row.label, s.altLabels = row.altLabels, s.skillType = row.skillType,
    s.framework = row.framework, s.description = row.description,
    s.hiddenLabels = CASE WHEN size(coalesce(row.hiddenLabels, [])) > 0 THEN row.hiddenLabels END,
    s.reuseLevel = row.reuseLevel, s.updatedAt = $now
RETURN count(s) AS count
