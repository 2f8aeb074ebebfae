// The random salt the demo seed derives its learner ids from: made once per database, so the ids
// are stable across loads and unguessable across installs.
// Params: $salt (used only the first time). Returns one row: salt.
MERGE (s:DemoSeed {id: 'demo'})
  ON CREATE SET s.salt = $salt
RETURN s.salt AS salt
