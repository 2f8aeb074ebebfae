// One page of skills, optionally of one framework and type, ordered by label (index order), one more
// than asked so the caller knows if more follow.
// Params: $framework, $skillType (null = any), $skip, $first. Returns rows: node.
MATCH (s:Skill)
WHERE s.label IS NOT NULL
  AND ($framework IS NULL OR s.framework = $framework)
  AND ($skillType IS NULL OR s.skillType = $skillType)
WITH s ORDER BY s.label, s.id
SKIP toInteger($skip) LIMIT toInteger($first) + 1
RETURN s {.*} AS node
