// Full-text search over credentials, skills and job roles of the wanted kinds, best matches first:
// an exact title or label (alternative ones included) first, then by relevance. Retired
// credentials only when asked.
// Params: $query (Lucene syntax, already escaped), $text (the search text, lower case), $kinds
// (some of 'Credential', 'Skill', 'JobRole'), $includeRetired, $first.
// Returns rows: kind, node, score, exact.
CALL () {
  WITH 1 AS wanted
  WHERE 'Credential' IN $kinds
  CALL db.index.fulltext.queryNodes('credential_text', $query, {limit: toInteger($first) * 3})
  YIELD node, score
  WITH node, score
  WHERE $includeRetired OR node.status <> 'RETIRED'
  RETURN 'Credential' AS kind, node {.*} AS item, score, toLower(node.title) = $text AS exact
  UNION ALL
  WITH 1 AS wanted
  WHERE 'Skill' IN $kinds
  CALL db.index.fulltext.queryNodes('skill_text_v2', $query, {limit: toInteger($first)})
  YIELD node, score
  RETURN 'Skill' AS kind, node {.*} AS item, score,
         toLower(node.label) = $text OR any(a IN coalesce(node.altLabels, []) WHERE toLower(a) = $text) AS exact
  UNION ALL
  WITH 1 AS wanted
  WHERE 'JobRole' IN $kinds
  CALL db.index.fulltext.queryNodes('job_role_text_v2', $query, {limit: toInteger($first)})
  YIELD node, score
  RETURN 'JobRole' AS kind, node {.*} AS item, score,
         toLower(node.title) = $text OR any(a IN coalesce(node.altTitles, []) WHERE toLower(a) = $text) AS exact
}
RETURN kind, item AS node, score, exact
ORDER BY exact DESC, score DESC
LIMIT toInteger($first)
