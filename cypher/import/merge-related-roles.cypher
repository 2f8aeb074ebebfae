// Sets RELATED_ROLE links between existing job roles (import batches).
// Params: $rows ([{from, to, tier, rank}]). Returns one row: count.
UNWIND $rows AS row
MATCH (a:JobRole {id: row.from}), (b:JobRole {id: row.to})
MERGE (a)-[r:RELATED_ROLE]->(b)
SET r.tier = row.tier, r.rank = row.rank
RETURN count(r) AS count
