// Removes the PART_OF link from $partId to $wholeId.
// Params: $partId, $wholeId. Returns one row: removed (count).
OPTIONAL MATCH (:Credential {id: $partId})-[r:PART_OF]->(:Credential {id: $wholeId})
DELETE r
RETURN count(r) AS removed
