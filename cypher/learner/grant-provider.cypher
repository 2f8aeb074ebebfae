// A learner grants a provider the right to record awards for them (a repeat changes nothing).
// Params: $learnerId, $providerId, $now. Returns one row: provider, grantedAt (none if either is missing).
MATCH (l:Learner {id: $learnerId}), (p:Provider {id: $providerId})
MERGE (l)-[g:GRANTS]->(p)
  ON CREATE SET g.at = $now
RETURN p {.*} AS provider, g.at AS grantedAt
