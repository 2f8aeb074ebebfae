// Which of the given skill ids do not exist.
// Params: $ids. Returns one row: missing (list of ids).
UNWIND $ids AS id
OPTIONAL MATCH (s:Skill {id: id})
WITH id WHERE s IS NULL
RETURN collect(id) AS missing
