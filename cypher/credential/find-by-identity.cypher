// Credentials by an identity a standard document uses: registry id, CTID or OB3 achievement id.
// Params: $refs ([{ref, ids, ctid, achievementId}]). Returns rows: ref, id (one per match).
UNWIND $refs AS r
CALL (r) {
  UNWIND r.ids AS id
  MATCH (c:Credential {id: id})
  RETURN c
  UNION
  MATCH (c:Credential {ctid: r.ctid})
  RETURN c
  UNION
  MATCH (c:Credential {achievementId: r.achievementId})
  RETURN c
}
RETURN r.ref AS ref, c.id AS id
