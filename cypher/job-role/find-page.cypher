// One page of job roles, optionally of one framework, ordered by title (index order), one more than
// asked so the caller knows if more follow.
// Params: $framework (null = any), $skip, $first. Returns rows: node.
MATCH (j:JobRole)
WHERE j.title IS NOT NULL AND ($framework IS NULL OR j.framework = $framework)
WITH j ORDER BY j.title, j.id
SKIP toInteger($skip) LIMIT toInteger($first) + 1
RETURN j {.*} AS node
