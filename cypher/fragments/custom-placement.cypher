// Where a custom skill `k` was placed, as two columns: suggestedMappings ([{skill, score}], the
// taxonomy concepts proposed for it, best first) and sameMeaning (other providers' custom skills
// of its group, at most 20, by label).
COLLECT { MATCH (k)-[m:MAY_BE]->(p:Skill) RETURN {skill: p {.*}, score: m.score}
          ORDER BY m.rank } AS suggestedMappings,
COLLECT { MATCH (o:Skill {groupKey: k.groupKey}) WHERE o <> k AND o.providerId <> k.providerId
          RETURN o {.*} ORDER BY o.label, o.id LIMIT 20 } AS sameMeaning
