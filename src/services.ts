import { AnalyticsRepository } from './analytics/analytics.repository';
import { AnalyticsService } from './analytics/analytics.service';
import { ApiKeyRepository } from './auth/api-keys';
import { AuthService } from './auth/auth.service';
import type { CredentialEventTopics } from './credential/credential.events';
import { CredentialRepository } from './credential/credential.repository';
import { CredentialService } from './credential/credential.service';
import type { Database } from './db/database';
import { JobRoleRepository } from './job-role/job-role.repository';
import { JobRoleService } from './job-role/job-role.service';
import { LearnerRepository } from './learner/learner.repository';
import { LearnerService } from './learner/learner.service';
import { systemClock, type Clock } from './lib/clock';
import { createEventBus, type EventBus } from './lib/event-bus';
import { createMetrics, type Metrics } from './lib/metrics';
import type { Logger } from './lib/logger';
import { PathwayRepository } from './pathway/pathway.repository';
import { PathwayService } from './pathway/pathway.service';
import { ProviderRepository } from './provider/provider.repository';
import { ProviderService } from './provider/provider.service';
import { RegistryRepository } from './registry/registry.repository';
import { RegistryService } from './registry/registry.service';
import { SearchRepository } from './search/search.repository';
import { SearchService } from './search/search.service';
import { SkillRepository } from './skill/skill.repository';
import { SkillService } from './skill/skill.service';
import { ModelEmbedder, type Embedder } from './skill/embedder';
import { SkillIndex } from './skill/skill-index';
import { SkillResolver } from './skill/skill-resolver';
import { SkillVectors } from './skill/skill-vectors';
import { AwardExporter } from './standards/award-exporter';
import { StandardsService } from './standards/standards.service';

/** Every event topic of the registry; one bus carries them all. */
export type RegistryEventTopics = CredentialEventTopics;
/** The registry's event bus. */
export type RegistryEventBus = EventBus<RegistryEventTopics>;

/** The repositories, one per domain; stateless, built once at boot over one Database. */
export function createRepositories(db: Database) {
  return {
    registry: new RegistryRepository(db),
    apiKey: new ApiKeyRepository(db),
    provider: new ProviderRepository(db),
    credential: new CredentialRepository(db),
    skill: new SkillRepository(db),
    jobRole: new JobRoleRepository(db),
    learner: new LearnerRepository(db),
    search: new SearchRepository(db),
    pathway: new PathwayRepository(db),
    analytics: new AnalyticsRepository(db),
  };
}
/** The repositories of one registry. */
export type Repositories = ReturnType<typeof createRepositories>;

/** What the services are built from, besides the database. */
export interface ServiceOptions {
  /** Base URL for the ids of exported records. */
  readonly publicUrl?: string;
  /** Where the time comes from (the system clock unless a test fixes it). */
  readonly clock?: Clock;
  /** The event bus (a fresh in-process one unless given). */
  readonly events?: RegistryEventBus;
  /** The process's metrics (fresh ones unless given). */
  readonly metrics?: Metrics;
  /** The sentence-embedding model of skill resolution (the pinned local model unless given). */
  readonly embedder?: Embedder;
}

/**
 * The composition root: builds every repository and service once, from explicit dependencies.
 * The HTTP server, the CLI importers, the demo seed and the tests all use what it returns.
 */
export function createServices(db: Database, logger: Logger, options: ServiceOptions = {}) {
  const repositories = createRepositories(db);
  const r = repositories;
  const publicUrl = options.publicUrl ?? 'http://localhost:4000';
  const clock = options.clock ?? systemClock;
  const metrics = options.metrics ?? createMetrics();
  const events = options.events ?? createEventBus<RegistryEventTopics>({ metrics });
  const auth = new AuthService(db, r.apiKey, logger);
  const skillIndex = new SkillIndex(r.skill, clock, logger);
  const embedder = options.embedder ?? new ModelEmbedder(logger);
  const skillVectors = new SkillVectors(db, embedder);
  const skillResolver = new SkillResolver(skillIndex, skillVectors, embedder, r.skill);
  const credential = new CredentialService(
    db,
    r.credential,
    r.provider,
    r.skill,
    skillResolver,
    events,
    logger,
  );
  const exporter = new AwardExporter(r.credential, r.provider, publicUrl);
  return {
    db,
    logger,
    clock,
    events,
    metrics,
    publicUrl,
    repositories,
    auth,
    registry: new RegistryService(r.registry),
    provider: new ProviderService(db, r.provider, r.apiKey, auth),
    credential,
    skillIndex,
    embedder,
    skillVectors,
    skillResolver,
    skill: new SkillService(db, r.skill, skillIndex, skillResolver, skillVectors, logger),
    jobRole: new JobRoleService(db, r.jobRole, r.skill),
    learner: new LearnerService(
      db,
      r.learner,
      r.credential,
      r.skill,
      r.apiKey,
      auth,
      exporter,
      clock,
    ),
    search: new SearchService(r.search),
    pathway: new PathwayService(
      r.pathway,
      r.credential,
      r.provider,
      r.skill,
      r.jobRole,
      r.learner,
      clock,
    ),
    analytics: new AnalyticsService(r.analytics),
    standards: new StandardsService(
      credential,
      r.credential,
      r.skill,
      r.jobRole,
      exporter,
      publicUrl,
    ),
  };
}
/** Everything built once at boot that lives as long as the process. */
export type Services = ReturnType<typeof createServices>;
