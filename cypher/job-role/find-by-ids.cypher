// Job roles by id, for the job role loader.
// Params: $ids. Returns rows: node.
UNWIND $ids AS id
MATCH (j:JobRole {id: id})
RETURN j {.*} AS node
