// The wholes each credential is part of, with whether it is a required part, batched.
// Params: $ids. Returns rows: key, node (credential map), required.
UNWIND $ids AS id
MATCH (:Credential {id: id})-[r:PART_OF]->(w:Credential)
RETURN id AS key, w {.*} AS node, r.required AS required
ORDER BY w.title
