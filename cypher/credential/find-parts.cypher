// The parts of each credential, with whether each is required, batched.
// Params: $ids. Returns rows: key, node (credential map), required.
UNWIND $ids AS id
MATCH (:Credential {id: id})<-[r:PART_OF]-(p:Credential)
RETURN id AS key, p {.*} AS node, r.required AS required
ORDER BY p.title
