// How many providers there are (run only when totalCount is asked).
// Params: none. Returns one row: total.
MATCH (p:Provider)
RETURN count(p) AS total
