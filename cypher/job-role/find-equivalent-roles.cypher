// Job roles of other taxonomies mapped onto each role by a crosswalk (either direction), batched.
// Params: $ids. Returns rows: key, node, source, confidence.
UNWIND $ids AS id
MATCH (:JobRole {id: id})-[r:EQUIVALENT_ROLE]-(o:JobRole)
RETURN id AS key, o {.*} AS node, r.source AS source, r.confidence AS confidence
ORDER BY r.confidence DESC, o.title
