import { createCredentialLoaders } from '../credential/credential.loaders';
import { createJobRoleLoaders } from '../job-role/job-role.loaders';
import { createLearnerLoaders } from '../learner/learner.loaders';
import { createProviderLoaders } from '../provider/provider.loaders';
import { createSkillLoaders } from '../skill/skill.loaders';
import type { Repositories } from './services';

/** Every DataLoader of one request (or one subscription event): a nested list costs one query. */
export function createLoaders(repos: Repositories) {
  return {
    ...createProviderLoaders(repos),
    ...createCredentialLoaders(repos),
    ...createSkillLoaders(repos),
    ...createJobRoleLoaders(repos),
    ...createLearnerLoaders(repos),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
