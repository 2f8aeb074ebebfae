// Benchmark data: providers. Params: $rows ([{id, name, kind, country, website}]), $now.
UNWIND $rows AS row
MERGE (p:Provider {id: row.id})
SET p += row, p.createdAt = $now
RETURN count(p) AS count
