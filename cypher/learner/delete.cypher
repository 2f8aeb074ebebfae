// Erases a learner: the node, its awards, declared skills and grants, and its API keys.
// Params: $id. Returns one row: deleted (0 or 1).
OPTIONAL MATCH (l:Learner {id: $id})
OPTIONAL MATCH (k:ApiKey {role: 'LEARNER', subjectId: $id})
WITH l, collect(k) AS keys
FOREACH (k IN keys | DELETE k)
DETACH DELETE l
RETURN count(l) AS deleted
