// Every registry skill (ESCO, O*NET, and custom ones an admin defined; not providers' own) with
// all its labels, for the skill matcher.
// Params: none. Returns rows: id, label, altLabels, hiddenLabels, framework, skillType, reuseLevel.
MATCH (s:Skill)
WHERE s.providerId IS NULL
RETURN s.id AS id, trim(s.label) AS label, [a IN coalesce(s.altLabels, []) | trim(a)] AS altLabels,
       coalesce(s.hiddenLabels, []) AS hiddenLabels, s.framework AS framework,
       s.skillType AS skillType, s.reuseLevel AS reuseLevel
ORDER BY id
