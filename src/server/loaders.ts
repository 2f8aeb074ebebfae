import { createCredentialLoaders } from '../credential/credential.loaders';
import { createJobRoleLoaders } from '../job-role/job-role.loaders';
import { createLearnerLoaders } from '../learner/learner.loaders';
import { createProviderLoaders } from '../provider/provider.loaders';
import type { Repositories } from '../services';
import { createSkillLoaders } from '../skill/skill.loaders';

/** Every DataLoader of one request (or one subscription event): a nested list costs one query. */
export function createLoaders(repos: Repositories) {
  return {
    ...createProviderLoaders(repos.provider),
    ...createCredentialLoaders(repos.credential),
    ...createSkillLoaders(repos.skill),
    ...createJobRoleLoaders(repos.jobRole),
    ...createLearnerLoaders(repos.learner),
  };
}
/** The loaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
