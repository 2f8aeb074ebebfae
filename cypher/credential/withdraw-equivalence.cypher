// Withdraws the equivalence the provider of $id asserted towards $otherId.
// Params: $id, $otherId. Returns one row: removed (count).
OPTIONAL MATCH (c:Credential {id: $id})-[r:EQUIVALENT_TO]->(:Credential {id: $otherId})
WHERE r.assertedBy = c.providerId
DELETE r
RETURN count(r) AS removed
