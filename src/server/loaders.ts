import type { RequestLoaders } from '../context';
import { createHeldReads } from '../credential/credential.held-reads';
import { createCredentialLoaders } from '../credential/credential.loaders';
import { createJobRoleLoaders } from '../job-role/job-role.loaders';
import { createLearnerLoaders } from '../learner/learner.loaders';
import { createProviderLoaders } from '../provider/provider.loaders';
import type { Repositories } from '../services';
import { createSkillLoaders } from '../skill/skill.loaders';

/**
 * Every DataLoader of one request (or one subscription event), each domain's and the held
 * reads of credential lookaheads: a nested list costs one query.
 */
export function createLoaders(repos: Repositories): RequestLoaders {
  const loaders = {
    ...createProviderLoaders(repos.provider),
    ...createCredentialLoaders(repos.credential),
    ...createSkillLoaders(repos.skill),
    ...createJobRoleLoaders(repos.jobRole),
    ...createLearnerLoaders(repos.learner),
  };
  return { ...loaders, ...createHeldReads(loaders, repos.credential) };
}
