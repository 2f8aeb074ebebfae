// How many skill labels have no vector of this model yet. Params: $model. Returns one row: total.
MATCH (s:Skill)
UNWIND range(0, size(coalesce(s.altLabels, []))) AS i
WITH s, trim(CASE i WHEN 0 THEN s.label ELSE s.altLabels[i - 1] END) AS text
WHERE text <> ''
  AND NOT EXISTS { MATCH (l:SkillLabel {model: $model})-[:LABEL_OF]->(s) WHERE l.text = text }
RETURN count(DISTINCT [s.id, text]) AS total
