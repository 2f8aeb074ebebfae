// Records that the provider of $id asserts $id equivalent to $otherId; mutual when the other side's
// provider asserted it too.
// Params: $id, $otherId, $note, $now. Returns one row: assertedBy, note, at, mutual.
MATCH (c:Credential {id: $id}), (o:Credential {id: $otherId})
MERGE (c)-[r:EQUIVALENT_TO {assertedBy: c.providerId}]->(o)
  ON CREATE SET r.at = $now
SET r.note = $note
RETURN r.assertedBy AS assertedBy, r.note AS note, r.at AS at,
       EXISTS { (o)-[b:EQUIVALENT_TO]->(c) WHERE b.assertedBy = o.providerId } AS mutual
