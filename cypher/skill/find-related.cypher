// Skills related to each skill (either direction), with whether the relation is essential, batched.
// Params: $ids. Returns rows: key, node, essential.
UNWIND $ids AS id
MATCH (:Skill {id: id})-[r:RELATED_TO]-(o:Skill)
RETURN id AS key, o {.*} AS node, r.essential AS essential
ORDER BY o.label
