// Uniqueness of `id` per label (docs/ARCHITECTURE.md, "Scales"), and the provider's natural key of a credential.
// Applied at every start; IF NOT EXISTS makes each statement idempotent.
CREATE CONSTRAINT provider_id IF NOT EXISTS FOR (n:Provider) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT credential_id IF NOT EXISTS FOR (n:Credential) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT skill_id IF NOT EXISTS FOR (n:Skill) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT job_role_id IF NOT EXISTS FOR (n:JobRole) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT learner_id IF NOT EXISTS FOR (n:Learner) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.hash IS UNIQUE;
CREATE CONSTRAINT credential_provider_external_id IF NOT EXISTS
  FOR (n:Credential) REQUIRE (n.providerId, n.externalId) IS UNIQUE;
