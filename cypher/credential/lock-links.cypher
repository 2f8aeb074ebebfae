// Serialises stacking-link-changing transactions, so two concurrent links cannot close a cycle.
// Params: $name (STACKING), $now. Returns one row: name.
MERGE (l:GraphLock {name: $name})
SET l.at = $now
RETURN l.name AS name
