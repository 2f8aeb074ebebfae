// Places custom skills: their group (custom skills of any provider with one key mean the same)
// and their proposed taxonomy concepts (MAY_BE, best first), replacing earlier proposals.
// Params: $model, $rows ([{id, groupKey, proposals: [{skillId, score, rank}]}]). Returns one row: count.
UNWIND $rows AS r
MATCH (k:Skill {id: r.id})
SET k.groupKey = r.groupKey, k.placedBy = $model
WITH k, r
CALL (k) {
  MATCH (k)-[old:MAY_BE]->()
  DELETE old
}
CALL (k, r) {
  UNWIND r.proposals AS p
  MATCH (t:Skill {id: p.skillId})
  MERGE (k)-[m:MAY_BE]->(t)
  SET m.score = p.score, m.rank = p.rank
}
RETURN count(k) AS count
