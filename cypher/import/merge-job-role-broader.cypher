// Adds BROADER links between existing job roles (import batches).
// Params: $rows ([{from, to}]). Returns one row: count.
UNWIND $rows AS row
MATCH (a:JobRole {id: row.from}), (b:JobRole {id: row.to})
MERGE (a)-[r:BROADER]->(b)
RETURN count(r) AS count
