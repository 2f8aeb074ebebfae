// Each learner's achievements (earned credentials), newest first, batched.
// Params: $ids. Returns rows: key, node (credential map), issuedAt, expiresAt.
UNWIND $ids AS id
MATCH (:Learner {id: id})-[e:EARNED]->(c:Credential)
RETURN id AS key, c {.*} AS node, e.issuedAt AS issuedAt, e.expiresAt AS expiresAt
ORDER BY e.issuedAt DESC
