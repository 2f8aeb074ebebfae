// Learners by id, for the learner loader.
// Params: $ids. Returns rows: node.
UNWIND $ids AS id
MATCH (l:Learner {id: id})
RETURN l {.*} AS node
