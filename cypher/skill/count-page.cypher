// How many skills find-page would page through (run only when totalCount is asked).
// Params: $framework, $skillType (null = any). Returns one row: total.
MATCH (s:Skill)
WHERE s.label IS NOT NULL
  AND ($framework IS NULL OR s.framework = $framework)
  AND ($skillType IS NULL OR s.skillType = $skillType)
RETURN count(s) AS total
