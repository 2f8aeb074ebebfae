// Skills by id, for the skill loader.
// Params: $ids. Returns rows: node (skill map).
UNWIND $ids AS id
MATCH (s:Skill {id: id})
RETURN s {.*} AS node
