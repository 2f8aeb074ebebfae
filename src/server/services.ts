import { AnalyticsRepository } from '../analytics/consistency.resolver';
import { ApiKeyRepository } from '../auth/api-keys';
import { CredentialRepository } from '../credential/credential.repository';
import type { Database } from '../db/database';
import { JobRoleRepository } from '../job-role/job-role.repository';
import { LearnerRepository } from '../learner/learner.repository';
import { PathwayRepository } from '../pathway/pathway.repository';
import type { Logger } from '../lib/logger';
import { ProviderRepository } from '../provider/provider.repository';
import { RegistryRepository } from '../registry/registry.repository';
import { SearchRepository } from '../search/search.repository';
import { SkillRepository } from '../skill/skill.repository';
import { createEventBus, type EventBus } from './events';

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
export type Repositories = ReturnType<typeof createRepositories>;

/** Everything a request may use that lives as long as the process. */
export interface Services {
  readonly db: Database;
  readonly logger: Logger;
  readonly repositories: Repositories;
  readonly events: EventBus;
  /** Base URL for the ids of exported records. */
  readonly publicUrl: string;
}

export function createServices(
  db: Database,
  logger: Logger,
  publicUrl = 'http://localhost:4000',
): Services {
  return { db, logger, repositories: createRepositories(db), events: createEventBus(), publicUrl };
}
