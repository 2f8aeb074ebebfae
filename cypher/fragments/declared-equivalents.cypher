// The credentials declared equivalent to a credential `c` (either direction), each with its
// assertions, by title, at most $declaredLimit: rows o, assertions ({assertedBy, note, at}).
MATCH (c)-[r:EQUIVALENT_TO]-(o:Credential)
WITH o, collect(r {.assertedBy, .note, .at}) AS assertions
RETURN o, assertions ORDER BY o.title LIMIT toInteger($declaredLimit)
