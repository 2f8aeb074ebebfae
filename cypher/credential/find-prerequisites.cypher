// The credentials each credential requires, batched.
// Params: $ids. Returns rows: key, node (credential map).
UNWIND $ids AS id
MATCH (:Credential {id: id})-[:REQUIRES]->(p:Credential)
RETURN id AS key, p {.*} AS node
ORDER BY p.title
