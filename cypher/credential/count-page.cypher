// How many credentials match the catalogue filter (see find-page; run only when totalCount is asked).
// Params: the catalogue filter (fragment catalogue-filter). Returns one row: total.
MATCH (c:Credential)
WHERE c.title IS NOT NULL AND /*include:catalogue-filter*/
RETURN count(c) AS total
