// Job roles of other taxonomies mapped onto each role by a crosswalk (either direction), batched; at most $limit per key.
// Params: $ids, $limit. Returns rows: key, node, source, confidence.
UNWIND $ids AS id
CALL (id) {
  MATCH (:JobRole {id: id})-[r:EQUIVALENT_ROLE]-(o:JobRole)
  RETURN o, r ORDER BY r.confidence DESC, o.title LIMIT toInteger($limit)
}
RETURN id AS key, o {.*} AS node, r.source AS source, r.confidence AS confidence
