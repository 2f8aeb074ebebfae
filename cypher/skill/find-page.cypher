// One page of skills, optionally of one framework and type, ordered by label, with the total count.
// Params: $framework, $skillType (null = any), $skip, $first. Returns one row: total, nodes.
MATCH (s:Skill)
WHERE ($framework IS NULL OR s.framework = $framework)
  AND ($skillType IS NULL OR s.skillType = $skillType)
WITH s ORDER BY s.label, s.id
WITH collect(s {.*}) AS items
RETURN size(items) AS total, items[toInteger($skip)..toInteger($skip) + toInteger($first)] AS nodes
