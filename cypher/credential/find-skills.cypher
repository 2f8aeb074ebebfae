// The skills each credential teaches, with the certified level, batched over credentials; at most $limit per key.
// Params: $ids, $limit. Returns rows: key (credential id), node (skill map), level, label (the provider's words, or null).
UNWIND $ids AS id
CALL (id) {
  MATCH (:Credential {id: id})-[t:TEACHES]->(s:Skill)
  RETURN s, t ORDER BY s.label, s.id LIMIT toInteger($limit)
}
RETURN id AS key, s {.*} AS node, t.level AS level, t.label AS label
