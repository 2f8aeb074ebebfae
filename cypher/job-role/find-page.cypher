// One page of job roles, optionally of one framework, ordered by title, with the total count.
// Params: $framework (null = any), $skip, $first. Returns one row: total, nodes.
MATCH (j:JobRole)
WHERE $framework IS NULL OR j.framework = $framework
WITH j ORDER BY j.title, j.id
WITH collect(j {.*}) AS items
RETURN size(items) AS total, items[toInteger($skip)..toInteger($skip) + toInteger($first)] AS nodes
