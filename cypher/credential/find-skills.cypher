// The skills each credential teaches, with the certified level, batched over credentials.
// Params: $ids. Returns rows: key (credential id), node (skill map), level.
UNWIND $ids AS id
MATCH (:Credential {id: id})-[t:TEACHES]->(s:Skill)
RETURN id AS key, s {.*} AS node, t.level AS level
ORDER BY s.label
