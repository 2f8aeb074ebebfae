// The job roles each credential prepares for, batched.
// Params: $ids. Returns rows: key, node (job role map).
UNWIND $ids AS id
MATCH (:Credential {id: id})-[:PREPARES_FOR]->(j:JobRole)
RETURN id AS key, j {.*} AS node
ORDER BY j.title
