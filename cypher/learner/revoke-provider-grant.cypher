// A learner withdraws a provider's right to record awards for them.
// Params: $learnerId, $providerId. Returns one row: removed (0 or 1).
OPTIONAL MATCH (:Learner {id: $learnerId})-[g:GRANTS]->(:Provider {id: $providerId})
DELETE g
RETURN count(g) AS removed
