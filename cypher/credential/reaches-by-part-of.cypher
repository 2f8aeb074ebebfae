// Whether $from reaches $to by following PART_OF (zero steps when they are the same credential).
// Params: $from, $to. Returns one row: reaches.
MATCH (a:Credential {id: $from}), (b:Credential {id: $to})
RETURN EXISTS { (a)-[:PART_OF*0..]->(b) } AS reaches
