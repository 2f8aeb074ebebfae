// Sets (or, with a null level, removes) a learner's own record of a skill.
// Params: $learnerId, $skillId, $level, $source, $now. Returns one row: level.
MATCH (l:Learner {id: $learnerId}), (s:Skill {id: $skillId})
MERGE (l)-[h:HAS_SKILL]->(s)
SET h.at = CASE WHEN h.level = $level AND h.source = $source THEN h.at ELSE $now END,
    h.level = $level, h.source = $source
WITH h, $level IS NULL AS remove
CALL (h, remove) {
  WITH h WHERE remove
  DELETE h
}
RETURN $level AS level
