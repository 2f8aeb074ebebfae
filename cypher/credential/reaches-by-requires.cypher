// Whether $from reaches $to by following REQUIRES (zero steps when they are the same credential).
// Params: $from, $to. Returns one row: reaches.
MATCH (a:Credential {id: $from}), (b:Credential {id: $to})
RETURN EXISTS { (a)-[:REQUIRES*0..]->(b) } AS reaches
