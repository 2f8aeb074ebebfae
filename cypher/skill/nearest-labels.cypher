// The taxonomy labels nearest to each query vector, and the labels of each query's extra
// candidate skills, with each label's cosine similarity to the query and to the query's context
// (the sentence around a phrase; the phrase itself when none).
// Params: $queries ([{i, vector, context or null, also: [skillId], alsoLabels: [text] or null}]), $k;
// with alsoLabels, only those labels and the preferred one of the also skills are compared.
// Returns rows: query, skillId, text, kind, similarity, context (cosines in -1..1).
UNWIND $queries AS q
CALL (q) {
  CALL db.index.vector.queryNodes('taxonomy_label_vectors', toInteger($k), q.vector)
  YIELD node, score
  MATCH (node)-[:LABEL_OF]->(s:Skill)
  RETURN s.id AS skillId, node AS l
  UNION
  UNWIND q.also AS id
  MATCH (s:Skill {id: id})
  MATCH (l:TaxonomyLabel)-[:LABEL_OF]->(s)
  WHERE q.alsoLabels IS NULL OR l.kind = 'PREFERRED' OR l.text IN q.alsoLabels
  RETURN s.id AS skillId, l
}
WITH q, skillId, l, vector.similarity.cosine(l.embedding, q.vector) * 2 - 1 AS similarity
RETURN q.i AS query, skillId, l.text AS text, l.kind AS kind, similarity,
       CASE WHEN q.context IS NULL THEN similarity
            ELSE vector.similarity.cosine(l.embedding, q.context) * 2 - 1 END AS context
