// Links job roles of two taxonomies that a crosswalk maps onto each other (import batches).
// Params: $rows ([{from, to, source, confidence}]). Returns one row: count.
UNWIND $rows AS row
MATCH (a:JobRole {id: row.from}), (b:JobRole {id: row.to})
MERGE (a)-[r:EQUIVALENT_ROLE]->(b)
SET r.source = row.source, r.confidence = row.confidence
RETURN count(r) AS count
