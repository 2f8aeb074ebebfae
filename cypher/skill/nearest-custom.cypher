// For each custom skill, other providers' custom skills whose label is within $min cosine of its
// own, nearest first, with their group. Params: $ids, $k, $min.
// Returns rows: skillId, neighbourId, neighbourGroup, similarity (cosine, -1..1).
UNWIND $ids AS id
MATCH (l:CustomLabel)-[:LABEL_OF]->(k:Skill {id: id})
CALL db.index.vector.queryNodes('custom_label_vectors', toInteger($k), l.embedding)
YIELD node, score
MATCH (node)-[:LABEL_OF]->(o:Skill)
WHERE o.providerId <> k.providerId AND 2 * score - 1 >= $min
RETURN id AS skillId, o.id AS neighbourId, o.groupKey AS neighbourGroup, 2 * score - 1 AS similarity
ORDER BY skillId, similarity DESC
