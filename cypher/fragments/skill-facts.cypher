// What ranking reads of a skill `s`, as a list [id, df, generic, group]: df how many credentials
// teach it (its degree), generic whether it is a skill that says little about a topic (an ESCO
// transversal skill, an O*NET skill or knowledge area, a skill group), group for a provider's
// custom skill its identity across providers (the fragment custom-group), else null.
[s.id, COUNT { (s)<-[:TEACHES]-() },
 s.reuseLevel = 'transversal' OR s.skillType = 'GROUP'
   OR (s.framework = 'ONET' AND s.skillType <> 'TECHNOLOGY'),
 /*include:custom-group*/]
