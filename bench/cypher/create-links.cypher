// Benchmark data: REQUIRES, PART_OF and EQUIVALENT_TO links. Params: $rows ([{from, to, kind, required, assertedBy}]), $now.
UNWIND $rows AS row
MATCH (a:Credential {id: row.from}), (b:Credential {id: row.to})
CALL (a, b, row) {
  WITH a, b, row WHERE row.kind = 'REQUIRES'
  CREATE (a)-[:REQUIRES {at: $now}]->(b)
}
CALL (a, b, row) {
  WITH a, b, row WHERE row.kind = 'PART_OF'
  CREATE (a)-[:PART_OF {required: row.required, at: $now}]->(b)
}
CALL (a, b, row) {
  WITH a, b, row WHERE row.kind = 'EQUIVALENT_TO'
  CREATE (a)-[:EQUIVALENT_TO {assertedBy: row.assertedBy, note: 'benchmark', at: $now}]->(b)
}
RETURN count(*) AS count
