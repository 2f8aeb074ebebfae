// One page of credentials matching the catalogue filter, ordered by title (the title index gives
// the order, so a page reads about a page), one more than asked so the caller knows if more follow,
// each with what the read asks for below it (the fragment credential-relations) when $want is set.
// Each credential is a map of every property when $nodeFields is null, else the list of the values
// of the properties it names, in that order.
// Params: the catalogue filter (fragment catalogue-filter), $skip, $first, $nodeFields, $want
// (null: nothing below), $limits. Returns rows: node, relations (null when $want is null).
MATCH (c:Credential)
WHERE c.title IS NOT NULL AND /*include:catalogue-filter*/
WITH c ORDER BY c.title, c.id
SKIP toInteger($skip) LIMIT toInteger($first) + 1
RETURN CASE WHEN $nodeFields IS NULL THEN c {.*} ELSE [k IN $nodeFields | c[k]] END AS node,
  CASE WHEN $want IS NOT NULL THEN /*include:credential-relations*/ END AS relations
