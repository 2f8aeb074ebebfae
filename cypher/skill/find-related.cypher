// Skills related to each skill (either direction), with whether the relation is essential, batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node, essential.
UNWIND $ids AS id
CALL (id) {
  MATCH (:Skill {id: id})-[r:RELATED_TO]-(o:Skill)
  RETURN o, r ORDER BY o.label LIMIT toInteger($limit)
}
RETURN id AS key, o {.*} AS node, r.essential AS essential
