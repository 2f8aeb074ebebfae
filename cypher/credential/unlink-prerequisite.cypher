// Removes the REQUIRES link from $id to $prerequisiteId.
// Params: $id, $prerequisiteId. Returns one row: removed (count).
OPTIONAL MATCH (:Credential {id: $id})-[r:REQUIRES]->(:Credential {id: $prerequisiteId})
DELETE r
RETURN count(r) AS removed
