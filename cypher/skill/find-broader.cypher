// The broader skills of each skill (a poly-hierarchy: there may be several), batched.
// Params: $ids. Returns rows: key, node.
UNWIND $ids AS id
MATCH (:Skill {id: id})-[:BROADER]->(b:Skill)
RETURN id AS key, b {.*} AS node
ORDER BY b.label
