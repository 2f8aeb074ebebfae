import { nodeLoader, relationLoader } from '../lib/loader';
import type { Repositories } from '../server/services';

export function createJobRoleLoaders(repos: Repositories) {
  const r = repos.jobRole;
  return {
    jobRoleById: nodeLoader((ids) => r.findByIds(ids)),
    jobRoleRequiredSkills: relationLoader((ids) => r.findRequiredSkills(ids)),
    jobRoleRelatedRoles: relationLoader((ids) => r.findRelatedRoles(ids)),
    jobRoleBroader: relationLoader((ids) => r.findBroader(ids)),
    jobRoleEquivalents: relationLoader((ids) => r.findEquivalentRoles(ids)),
  };
}
