// Benchmark input: occupations with their essential skills and a narrower skill of each where there is one.
// Params: none. Returns rows: id, skills ([ids]), narrower ([ids]).
MATCH (j:JobRole)-[r:REQUIRES_SKILL]->(s:Skill)
WITH j, collect(s.id) AS skills, collect(COLLECT { MATCH (s)<-[:BROADER]-(n:Skill) RETURN n.id LIMIT 1 }) AS narrower
WHERE size(skills) >= 5
RETURN j.id AS id, skills, reduce(acc = [], x IN narrower | acc + x) AS narrower
ORDER BY id
