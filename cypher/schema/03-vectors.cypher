// Vectors of skill labels for resolution by meaning (docs/ARCHITECTURE.md, "Skill meaning"): one
// node per label text and model, taxonomy labels and providers' custom labels in two indexes so a
// search for concepts is never crowded out by custom tags. 384 dimensions: the pinned model's.
CREATE VECTOR INDEX taxonomy_label_vectors IF NOT EXISTS
  FOR (n:TaxonomyLabel) ON n.embedding
  OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
CREATE VECTOR INDEX custom_label_vectors IF NOT EXISTS
  FOR (n:CustomLabel) ON n.embedding
  OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}};
CREATE INDEX skill_label_skill IF NOT EXISTS FOR (n:SkillLabel) ON (n.skillId);
CREATE INDEX skill_group_key IF NOT EXISTS FOR (n:Skill) ON (n.groupKey);
