// Full-text search over credentials, skills and job roles, best matches first.
// Params: $query (Lucene syntax, already escaped), $first. Returns rows: kind, node, score.
CALL () {
  CALL db.index.fulltext.queryNodes('credential_text', $query, {limit: toInteger($first)}) YIELD node, score
  RETURN 'Credential' AS kind, node {.*} AS item, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('skill_text_v2', $query, {limit: toInteger($first)}) YIELD node, score
  RETURN 'Skill' AS kind, node {.*} AS item, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('job_role_text_v2', $query, {limit: toInteger($first)}) YIELD node, score
  RETURN 'JobRole' AS kind, node {.*} AS item, score
}
RETURN kind, item AS node, score
ORDER BY score DESC
LIMIT toInteger($first)
