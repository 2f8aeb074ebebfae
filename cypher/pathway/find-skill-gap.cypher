// A job role's requirements, each with every held skill that is the same or narrower (up to 6
// BROADER steps), whatever its level; the caller splits covered from missing by level.
// Held = $skills (ad hoc) + the learner's HAS_SKILL + skills of the learner's unexpired, unrevoked EARNED
// credentials + (for role transitions) the requirements of $fromRoleId.
// Params: $roleId, $learnerId, $skills ([{skillId, level}]), $fromRoleId, $includeOptional, $today.
// Returns rows: role, req (skill), essential, importance, level, reliable, matches (with the held
// skill and credential nodes), earned (ids), learnerFound.
MATCH (j:JobRole {id: $roleId})
CALL () {
  OPTIONAL MATCH (l:Learner {id: $learnerId})
  CALL (l) {
    MATCH (l)-[h:HAS_SKILL]->(s:Skill)
    RETURN s.id AS skillId, h.level AS level, null AS credential, h.source AS source
    UNION ALL
    MATCH (l)-[e:EARNED]->(c:Credential)-[t:TEACHES]->(s:Skill)
    WHERE (e.expiresAt IS NULL OR e.expiresAt > $today) AND e.revokedAt IS NULL
    RETURN s.id AS skillId, coalesce(t.level, 2) AS level, c {.*} AS credential, 'CREDENTIAL' AS source
    UNION ALL
    MATCH (:JobRole {id: $fromRoleId})-[r:REQUIRES_SKILL]->(s:Skill)
    RETURN s.id AS skillId, coalesce(r.level, 2) AS level, null AS credential, 'ROLE' AS source
  }
  RETURN collect({skillId: skillId, level: level, credential: credential, source: source}) AS fromGraph
}
CALL () {
  OPTIONAL MATCH (l:Learner {id: $learnerId})
  RETURN l IS NOT NULL AS learnerFound
}
CALL () {
  OPTIONAL MATCH (l:Learner {id: $learnerId})-[e:EARNED]->(c:Credential)
  WHERE (e.expiresAt IS NULL OR e.expiresAt > $today) AND e.revokedAt IS NULL
  RETURN collect(c.id) AS earned
}
WITH j, earned, learnerFound,
     fromGraph + [s IN $skills | {skillId: s.skillId, level: s.level, credential: null, source: 'GIVEN'}] AS held
MATCH (j)-[r:REQUIRES_SKILL]->(req:Skill)
WHERE $includeOptional OR r.essential
CALL (req, held) {
  UNWIND held AS h
  MATCH (hs:Skill {id: h.skillId})
  WHERE hs = req OR EXISTS { (hs)-[:BROADER*1..6]->(req) }
  RETURN collect(h {.*, skill: hs {.*}, exact: hs = req}) AS matches
}
RETURN j {.*} AS role, req {.*} AS req, r.essential AS essential, coalesce(r.importance, 1.0) AS importance,
       coalesce(r.level, 2) AS level, coalesce(r.reliable, true) AS reliable, matches, earned,
       learnerFound
ORDER BY importance DESC, req.label
