// Creates or updates skills by id.
// Params: $skills (list of {id, label, altLabels, skillType, framework, description}), $now.
// Returns one row: count.
UNWIND $skills AS s
MERGE (n:Skill {id: s.id})
  ON CREATE SET n.createdAt = $now
SET n += s, n.updatedAt = $now
RETURN count(n) AS count
