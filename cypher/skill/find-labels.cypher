// Every registry skill (ESCO, O*NET, and custom ones an admin defined; not providers' own) with
// all its labels, for the skill matcher.
// Params: none. Returns rows: id, label, altLabels, hiddenLabels, framework, skillType.
MATCH (s:Skill)
WHERE s.providerId IS NULL
RETURN s.id AS id, s.label AS label, coalesce(s.altLabels, []) AS altLabels,
       coalesce(s.hiddenLabels, []) AS hiddenLabels, s.framework AS framework,
       s.skillType AS skillType
ORDER BY id
