// Counts the registry's nodes by label, for the `registry` overview query.
// Params: none. Returns one row: providers, credentials, skills, jobRoles, learners.
CALL () { MATCH (n:Provider) RETURN count(n) AS providers }
CALL () { MATCH (n:Credential) RETURN count(n) AS credentials }
CALL () { MATCH (n:Skill) RETURN count(n) AS skills }
CALL () { MATCH (n:JobRole) RETURN count(n) AS jobRoles }
CALL () { MATCH (n:Learner) RETURN count(n) AS learners }
RETURN providers, credentials, skills, jobRoles, learners
