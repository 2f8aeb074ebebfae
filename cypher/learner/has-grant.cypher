// Whether a learner exists and has granted a provider the right to record awards for them.
// Params: $learnerId, $providerId. Returns one row: granted.
OPTIONAL MATCH (l:Learner {id: $learnerId})
RETURN l IS NOT NULL AND EXISTS { (l)-[:GRANTS]->(:Provider {id: $providerId}) } AS granted
