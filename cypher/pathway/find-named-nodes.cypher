// The whole credentials and the skills a headline answer names, in one round trip (their queries
// name them by id); skills with the properties $skillFields names, as lists of their values in
// that order (null: every property, as maps).
// Params: $credentialIds, $skillIds, $skillFields. Returns one row: credentials, skills.
RETURN COLLECT {
  UNWIND $credentialIds AS id
  MATCH (c:Credential {id: id})
  RETURN c {.*}
} AS credentials, COLLECT {
  UNWIND $skillIds AS id
  MATCH (s:Skill {id: id})
  RETURN CASE WHEN $skillFields IS NULL THEN s {.*} ELSE [k IN $skillFields | s[k]] END
} AS skills
