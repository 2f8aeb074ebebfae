// What a read asks for below a credential `c`, as a list [provider, skills, jobRoles,
// prerequisites, parts, wholes], each null unless $want asks for it (all null when $want is null):
// - provider: a list of the provider (one map);
// - skills: lists [node, level, label, broader] of its taught skills, broader (a list of skill
//   nodes) only when $want.skillBroader;
// - jobRoles: job role maps;
// - prerequisites, parts, wholes: lists as the fragment linked-credential gives them.
// Lists rather than maps: a read sends (and the driver decodes) no key names. Skills and linked
// credentials come as maps of every property (hidden labels never) when $want.fields says null for
// them, else as lists of the values of the properties it names, in that order.
// Orders and bounds match the one-relation queries (credential/find-skills, find-prerequisites,
// find-parts, find-wholes, find-job-roles, skill/find-broader), so answers are the same whichever
// way they are fetched.
// Params: $want ({provider, skills, skillBroader, jobRoles, prerequisites, parts, wholes: null |
// {provider, skills}, fields: {linked, skill}}), $limits ({skills, links, jobRoles, broader}).
[
  CASE WHEN $want.provider THEN COLLECT {
    MATCH (p:Provider {id: c.providerId}) RETURN p {.*}
  } END,
  CASE WHEN $want.skills THEN COLLECT {
    MATCH (c)-[t:TEACHES]->(s:Skill)
    WITH s, t ORDER BY s.label, s.id LIMIT toInteger($limits.skills)
    RETURN [
      CASE WHEN $want.fields.skill IS NULL THEN s {.*, hiddenLabels: null}
        ELSE [k IN $want.fields.skill | s[k]] END,
      t.level, t.label,
      CASE WHEN $want.skillBroader THEN COLLECT {
        MATCH (s)-[:BROADER]->(b:Skill)
        WITH b ORDER BY b.label, b.id LIMIT toInteger($limits.broader)
        RETURN CASE WHEN $want.fields.skill IS NULL THEN b {.*, hiddenLabels: null}
          ELSE [k IN $want.fields.skill | b[k]] END
      } END
    ]
  } END,
  CASE WHEN $want.jobRoles THEN COLLECT {
    MATCH (c)-[:PREPARES_FOR]->(j:JobRole)
    WITH j ORDER BY j.title, j.id LIMIT toInteger($limits.jobRoles)
    RETURN j {.*}
  } END,
  CASE WHEN $want.prerequisites IS NOT NULL THEN COLLECT {
    MATCH (c)-[r:REQUIRES]->(o:Credential)
    WITH o, r, $want.prerequisites AS lw ORDER BY o.title, o.id LIMIT toInteger($limits.links)
    RETURN /*include:linked-credential*/
  } END,
  CASE WHEN $want.parts IS NOT NULL THEN COLLECT {
    MATCH (c)<-[r:PART_OF]-(o:Credential)
    WITH o, r, $want.parts AS lw ORDER BY o.title, o.id LIMIT toInteger($limits.links)
    RETURN /*include:linked-credential*/
  } END,
  CASE WHEN $want.wholes IS NOT NULL THEN COLLECT {
    MATCH (c)-[r:PART_OF]->(o:Credential)
    WITH o, r, $want.wholes AS lw ORDER BY o.title, o.id LIMIT toInteger($limits.links)
    RETURN /*include:linked-credential*/
  } END
]
