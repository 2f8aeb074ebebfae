// Stores credentials' content hashes after their skills were changed by a mapping.
// Params: $rows ([{id, hash}]). Returns one row: count.
UNWIND $rows AS row
MATCH (c:Credential {id: row.id})
SET c.contentHash = row.hash
RETURN count(c) AS count
