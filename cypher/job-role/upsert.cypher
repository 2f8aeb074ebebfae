// Creates or updates a job role and replaces its required skills.
// Params: $props (id, title, altTitles, description, framework, code, jobZone),
// $requiredSkills (list of {skillId, essential, importance, level}), $now. Returns one row: node.
MERGE (j:JobRole {id: $props.id})
  ON CREATE SET j.createdAt = $now
SET j += $props, j.updatedAt = $now
WITH j
CALL (j) {
  OPTIONAL MATCH (j)-[old:REQUIRES_SKILL]->(:Skill)
  DELETE old
}
CALL (j) {
  UNWIND $requiredSkills AS r
  MATCH (s:Skill {id: r.skillId})
  MERGE (j)-[e:REQUIRES_SKILL]->(s)
  SET e.essential = r.essential, e.importance = r.importance, e.level = r.level
}
RETURN j {.*} AS node
