// Serialises link-changing transactions of one kind, so two concurrent links cannot close a cycle.
// Params: $name (REQUIRES or PART_OF), $now. Returns one row: name.
MERGE (l:GraphLock {name: $name})
SET l.at = $now
RETURN l.name AS name
