// Every job role id, so a crosswalk can report the codes it names that the registry lacks.
// Params: none. Returns rows: id.
MATCH (j:JobRole)
RETURN j.id AS id
