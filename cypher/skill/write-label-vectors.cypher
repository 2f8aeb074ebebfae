// Stores label vectors: one SkillLabel node per skill, text and model, in the taxonomy or the
// custom vector index by kind. Params: $model, $rows ([{skillId, text, kind, vector}]).
// Returns one row: count.
UNWIND $rows AS r
MATCH (s:Skill {id: r.skillId})
MERGE (l:SkillLabel {skillId: r.skillId, text: r.text, model: $model})
MERGE (l)-[:LABEL_OF]->(s)
SET l.kind = r.kind
FOREACH (_ IN CASE WHEN r.kind = 'CUSTOM' THEN [1] ELSE [] END | SET l:CustomLabel)
FOREACH (_ IN CASE WHEN r.kind <> 'CUSTOM' THEN [1] ELSE [] END | SET l:TaxonomyLabel)
WITH l, r
CALL db.create.setNodeVectorProperty(l, 'embedding', r.vector)
RETURN count(l) AS count
