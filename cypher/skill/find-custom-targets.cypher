// The taxonomy skill each mapped custom skill stands for.
// Params: $ids (custom skill ids). Returns rows: id, targetId (mapped ones only).
UNWIND $ids AS id
MATCH (:Skill {id: id, framework: 'CUSTOM'})-[:MAPS_TO]->(t:Skill)
RETURN id, t.id AS targetId
