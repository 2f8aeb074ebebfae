// Where a custom skill was placed (the fragment custom-placement).
// Params: $id. Returns zero or one row: suggestedMappings, sameMeaning.
MATCH (k:Skill {id: $id, framework: 'CUSTOM'})
RETURN /*include:custom-placement*/
