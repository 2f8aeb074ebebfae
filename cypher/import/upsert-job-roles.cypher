// Creates or updates job roles by id without touching their links (import batches).
// Params: $rows ([{id, title, altTitles, hiddenLabels?, description, framework, code, jobZone}]), $now.
// Returns one row: count.
UNWIND $rows AS row
MERGE (j:JobRole {id: row.id})
  ON CREATE SET j.createdAt = $now
SET j.title = row.title, j.altTitles = row.altTitles, j.description = row.description,
    j.framework = row.framework, j.code = row.code, j.jobZone = coalesce(row.jobZone, j.jobZone),
    j.hiddenLabels = CASE WHEN size(coalesce(row.hiddenLabels, [])) > 0 THEN row.hiddenLabels END
RETURN count(j) AS count
