// The group of a provider's own custom skill `s`, as an expression, null for any other skill:
// custom skills of any provider with one group key mean the same; before placement gives it a
// group, the group of its own words. Custom skills an admin defined belong to no provider: they
// are shared vocabulary, with no group.
CASE WHEN s.framework = 'CUSTOM' AND s.providerId IS NOT NULL
  THEN 'group:' + coalesce(s.groupKey, 'words:' + substring(s.id, size('custom:' + s.providerId + ':')))
END
