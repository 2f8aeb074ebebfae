// Adds RELATED_TO links between existing skills with whether they are essential (import batches).
// Params: $rows ([{from, to, essential}]). Returns one row: count.
UNWIND $rows AS row
MATCH (a:Skill {id: row.from}), (b:Skill {id: row.to})
MERGE (a)-[r:RELATED_TO]->(b)
SET r.essential = row.essential
RETURN count(r) AS count
