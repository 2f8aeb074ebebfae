// Creates a learner record (personal data kept to a display name); an existing id is kept as is.
// Params: $id, $displayName, $now. Returns one row: node.
MERGE (l:Learner {id: $id})
  ON CREATE SET l.displayName = $displayName, l.createdAt = $now
RETURN l {.*} AS node
