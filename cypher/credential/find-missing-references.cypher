// Which of the given skill and job role ids do not exist, to reject a registration that names them.
// Params: $skillIds, $jobRoleIds. Returns one row: skills, jobRoles (lists of unknown ids).
CALL () {
  UNWIND $skillIds AS id
  OPTIONAL MATCH (s:Skill {id: id})
  WITH id WHERE s IS NULL
  RETURN collect(id) AS skills
}
CALL () {
  UNWIND $jobRoleIds AS id
  OPTIONAL MATCH (j:JobRole {id: id})
  WITH id WHERE j IS NULL
  RETURN collect(id) AS jobRoles
}
RETURN skills, jobRoles
