// The credentials that require each credential (what it unlocks), batched.
// Params: $ids. Returns rows: key, node (credential map).
UNWIND $ids AS id
MATCH (:Credential {id: id})<-[:REQUIRES]-(n:Credential)
RETURN id AS key, n {.*} AS node
ORDER BY n.title
