// Full-text indexes behind `search(text)`, and range indexes for the catalogue filters.
// Applied at every start; IF NOT EXISTS makes each statement idempotent.
CREATE FULLTEXT INDEX credential_text IF NOT EXISTS
  FOR (n:Credential) ON EACH [n.title, n.description];
// Version 2 also searches ESCO's hidden labels (misspellings and old names kept for matching);
// the first versions are dropped so a store made before them converges.
DROP INDEX skill_text IF EXISTS;
DROP INDEX job_role_text IF EXISTS;
CREATE FULLTEXT INDEX skill_text_v2 IF NOT EXISTS
  FOR (n:Skill) ON EACH [n.label, n.altLabels, n.hiddenLabels];
CREATE FULLTEXT INDEX job_role_text_v2 IF NOT EXISTS
  FOR (n:JobRole) ON EACH [n.title, n.altTitles, n.hiddenLabels];
CREATE INDEX credential_type IF NOT EXISTS FOR (n:Credential) ON (n.credentialType);
CREATE INDEX credential_status IF NOT EXISTS FOR (n:Credential) ON (n.status);
CREATE INDEX credential_eqf IF NOT EXISTS FOR (n:Credential) ON (n.eqfLevel);
CREATE INDEX skill_framework IF NOT EXISTS FOR (n:Skill) ON (n.framework);
CREATE INDEX job_role_code IF NOT EXISTS FOR (n:JobRole) ON (n.code);
CREATE INDEX skill_provider IF NOT EXISTS FOR (n:Skill) ON (n.providerId);
// Page order: the catalogue, skills, roles and providers are paged in these orders.
CREATE INDEX credential_title IF NOT EXISTS FOR (n:Credential) ON (n.title);
CREATE INDEX skill_label IF NOT EXISTS FOR (n:Skill) ON (n.label);
CREATE INDEX job_role_title IF NOT EXISTS FOR (n:JobRole) ON (n.title);
CREATE INDEX provider_name IF NOT EXISTS FOR (n:Provider) ON (n.name);
// Identities from the open standards, by which imports resolve references to credentials.
CREATE INDEX credential_ctid IF NOT EXISTS FOR (n:Credential) ON (n.ctid);
CREATE INDEX credential_achievement_id IF NOT EXISTS FOR (n:Credential) ON (n.achievementId);
