// What a read asks for below each credential, in one round trip: its provider, taught skills (with
// their broader skills), job roles, and prerequisites, parts and wholes (with their providers and
// skills), each part only when $want asks for it. Orders and bounds match the one-relation queries
// (find-skills, find-prerequisites, find-parts, find-wholes, find-job-roles, skill/find-broader), so
// answers are the same whichever way they are fetched.
// Skills carry their description and alternative labels only when $want.skillDetail asks for them
// (they are most of a skill's bytes); hidden labels never (no field serves them).
// Params: $ids, $withNode, $want ({provider, skills, skillDetail, skillBroader, jobRoles, prerequisites, parts,
// wholes: null | {provider, skills}}), $limits ({skills, links, jobRoles, broader}).
// Returns rows: key, node (the credential, when $withNode: a page has it already), provider, skills, jobRoles, prerequisites, parts, wholes (null when not asked).
UNWIND $ids AS id
MATCH (c:Credential {id: id})
RETURN id AS key, CASE WHEN $withNode THEN c {.*} END AS node,
  CASE WHEN $want.provider THEN COLLECT {
    MATCH (p:Provider {id: c.providerId}) RETURN p {.*}
  } END AS provider,
  CASE WHEN $want.skills THEN COLLECT {
    MATCH (c)-[t:TEACHES]->(s:Skill)
    WITH s, t ORDER BY s.label, s.id LIMIT toInteger($limits.skills)
    RETURN {
      node: s {.*, hiddenLabels: null, description: CASE WHEN $want.skillDetail THEN s.description END,
               altLabels: CASE WHEN $want.skillDetail THEN s.altLabels END},
      level: t.level, label: t.label,
      broader: CASE WHEN $want.skillBroader THEN COLLECT {
        MATCH (s)-[:BROADER]->(b:Skill)
        WITH b ORDER BY b.label, b.id LIMIT toInteger($limits.broader)
        RETURN b {.*, hiddenLabels: null, description: CASE WHEN $want.skillDetail THEN b.description END,
                  altLabels: CASE WHEN $want.skillDetail THEN b.altLabels END}
      } END
    }
  } END AS skills,
  CASE WHEN $want.jobRoles THEN COLLECT {
    MATCH (c)-[:PREPARES_FOR]->(j:JobRole)
    WITH j ORDER BY j.title, j.id LIMIT toInteger($limits.jobRoles)
    RETURN j {.*}
  } END AS jobRoles,
  CASE WHEN $want.prerequisites IS NOT NULL THEN COLLECT {
    MATCH (c)-[:REQUIRES]->(o:Credential)
    WITH o ORDER BY o.title, o.id LIMIT toInteger($limits.links)
    RETURN {
      node: o {.*}, required: null,
      provider: CASE WHEN $want.prerequisites.provider THEN COLLECT {
        MATCH (p:Provider {id: o.providerId}) RETURN p {.*}
      } END,
      skills: CASE WHEN $want.prerequisites.skills THEN COLLECT {
        MATCH (o)-[t:TEACHES]->(s:Skill)
        WITH s, t ORDER BY s.label, s.id LIMIT toInteger($limits.skills)
        RETURN {
          node: s {.*, hiddenLabels: null, description: CASE WHEN $want.skillDetail THEN s.description END,
                   altLabels: CASE WHEN $want.skillDetail THEN s.altLabels END},
          level: t.level, label: t.label
        }
      } END
    }
  } END AS prerequisites,
  CASE WHEN $want.parts IS NOT NULL THEN COLLECT {
    MATCH (c)<-[r:PART_OF]-(o:Credential)
    WITH o, r ORDER BY o.title, o.id LIMIT toInteger($limits.links)
    RETURN {
      node: o {.*}, required: r.required,
      provider: CASE WHEN $want.parts.provider THEN COLLECT {
        MATCH (p:Provider {id: o.providerId}) RETURN p {.*}
      } END,
      skills: CASE WHEN $want.parts.skills THEN COLLECT {
        MATCH (o)-[t:TEACHES]->(s:Skill)
        WITH s, t ORDER BY s.label, s.id LIMIT toInteger($limits.skills)
        RETURN {
          node: s {.*, hiddenLabels: null, description: CASE WHEN $want.skillDetail THEN s.description END,
                   altLabels: CASE WHEN $want.skillDetail THEN s.altLabels END},
          level: t.level, label: t.label
        }
      } END
    }
  } END AS parts,
  CASE WHEN $want.wholes IS NOT NULL THEN COLLECT {
    MATCH (c)-[r:PART_OF]->(o:Credential)
    WITH o, r ORDER BY o.title, o.id LIMIT toInteger($limits.links)
    RETURN {
      node: o {.*}, required: r.required,
      provider: CASE WHEN $want.wholes.provider THEN COLLECT {
        MATCH (p:Provider {id: o.providerId}) RETURN p {.*}
      } END,
      skills: CASE WHEN $want.wholes.skills THEN COLLECT {
        MATCH (o)-[t:TEACHES]->(s:Skill)
        WITH s, t ORDER BY s.label, s.id LIMIT toInteger($limits.skills)
        RETURN {
          node: s {.*, hiddenLabels: null, description: CASE WHEN $want.skillDetail THEN s.description END,
                   altLabels: CASE WHEN $want.skillDetail THEN s.altLabels END},
          level: t.level, label: t.label
        }
      } END
    }
  } END AS wholes
