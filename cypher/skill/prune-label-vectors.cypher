// Removes label vectors whose skill is gone, whose text is no longer one of its labels, or that
// another model made. Params: $model. Returns one row: count.
MATCH (l:SkillLabel)
OPTIONAL MATCH (l)-[:LABEL_OF]->(s:Skill)
WITH l, s
WHERE s IS NULL OR l.model <> $model
   OR NOT l.text IN [x IN [s.label] + coalesce(s.altLabels, []) | trim(x)]
DETACH DELETE l
RETURN count(*) AS count
