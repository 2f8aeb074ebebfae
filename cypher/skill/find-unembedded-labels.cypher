// Labels of skills (preferred, alternative, custom) that have no vector of this model yet.
// Params: $model, $limit. Returns rows: skillId, text, kind (PREFERRED, ALTERNATIVE, CUSTOM).
MATCH (s:Skill)
UNWIND range(0, size(coalesce(s.altLabels, []))) AS i
WITH s, i, trim(CASE i WHEN 0 THEN s.label ELSE s.altLabels[i - 1] END) AS text
WHERE text <> ''
  AND NOT EXISTS { MATCH (l:SkillLabel {model: $model})-[:LABEL_OF]->(s) WHERE l.text = text }
RETURN DISTINCT s.id AS skillId, text,
       CASE WHEN s.providerId IS NOT NULL THEN 'CUSTOM' WHEN i = 0 THEN 'PREFERRED'
            ELSE 'ALTERNATIVE' END AS kind
LIMIT toInteger($limit)
