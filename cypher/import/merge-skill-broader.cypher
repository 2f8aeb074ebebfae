// Adds BROADER links between existing skills (import batches; existing links stay).
// Params: $rows ([{from, to}]). Returns one row: count (links matched or made).
UNWIND $rows AS row
MATCH (a:Skill {id: row.from}), (b:Skill {id: row.to})
MERGE (a)-[r:BROADER]->(b)
RETURN count(r) AS count
