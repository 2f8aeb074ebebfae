// How many job roles find-page would page through (run only when totalCount is asked).
// Params: $framework (null = any). Returns one row: total.
MATCH (j:JobRole)
WHERE j.title IS NOT NULL AND ($framework IS NULL OR j.framework = $framework)
RETURN count(j) AS total
