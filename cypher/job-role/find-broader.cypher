// The broader job roles of each role, batched.
// Params: $ids. Returns rows: key, node.
UNWIND $ids AS id
MATCH (:JobRole {id: id})-[:BROADER]->(b:JobRole)
RETURN id AS key, b {.*} AS node
ORDER BY b.title
