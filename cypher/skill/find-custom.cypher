// A provider's own (CUSTOM) skills by label, with what each is mapped to, how many credentials
// teach it and where it was placed (the fragment custom-placement).
// Params: $providerId, $unmappedOnly, $first. Returns rows: skill, mappedTo (skill map or null),
// credentials, suggestedMappings ([{skill, score}]), sameMeaning (skill maps).
MATCH (k:Skill {framework: 'CUSTOM', providerId: $providerId})
OPTIONAL MATCH (k)-[:MAPS_TO]->(t:Skill)
WITH k, t
WHERE NOT $unmappedOnly OR t IS NULL
CALL (k) {
  OPTIONAL MATCH (cr:Credential)-[r:TEACHES]->(x:Skill)
  WHERE x = k OR r.via = k.id
  RETURN count(DISTINCT cr) AS credentials
}
RETURN k {.*} AS skill, CASE WHEN t IS NULL THEN null ELSE t {.*} END AS mappedTo, credentials,
       /*include:custom-placement*/
ORDER BY k.label, k.id
LIMIT toInteger($first)
