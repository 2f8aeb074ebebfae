// A credential `o` linked to the one being read (a prerequisite, part or whole) through `r`, as a
// list [node, required, provider, skills]: the credential, whether the link is required (parts and
// wholes), and its provider and taught skills when `lw` ({provider, skills}) asks for them (else
// null). Skills are lists [node, level, label] (see credential-relations).
// Params: $want.fields (see credential-relations), $limits.skills.
[
  CASE WHEN $want.fields.linked IS NULL THEN o {.*} ELSE [k IN $want.fields.linked | o[k]] END,
  r.required,
  CASE WHEN lw.provider THEN COLLECT {
    MATCH (p:Provider {id: o.providerId}) RETURN p {.*}
  } END,
  CASE WHEN lw.skills THEN COLLECT {
    MATCH (o)-[t:TEACHES]->(s:Skill)
    WITH s, t ORDER BY s.label, s.id LIMIT toInteger($limits.skills)
    RETURN [
      CASE WHEN $want.fields.skill IS NULL THEN s {.*, hiddenLabels: null}
        ELSE [k IN $want.fields.skill | s[k]] END,
      t.level, t.label
    ]
  } END
]
