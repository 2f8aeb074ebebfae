// The identity a skill `s` is compared by across providers, as an expression: its id, or for a
// provider's own custom skill its group (custom skills of any provider with one group key mean
// the same; before placement gives it a group, the group of its own words). Custom skills an
// admin defined belong to no provider: they are shared vocabulary, compared by id.
CASE WHEN s.framework = 'CUSTOM' AND s.providerId IS NOT NULL
  THEN 'group:' + coalesce(s.groupKey, 'words:' + substring(s.id, size('custom:' + s.providerId + ':')))
  ELSE s.id END
