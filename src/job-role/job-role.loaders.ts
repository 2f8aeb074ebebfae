import { nodeLoader, relationLoader } from '../lib/loader';
import type { JobRoleRepository } from './job-role.repository';

/** The per-request loaders of the job role domain: one query per batch of keys. */
export function createJobRoleLoaders(r: JobRoleRepository) {
  return {
    jobRoleById: nodeLoader((ids) => r.findByIds(ids)),
    jobRoleRequiredSkills: relationLoader((ids) => r.findRequiredSkills(ids)),
    jobRoleRelatedRoles: relationLoader((ids) => r.findRelatedRoles(ids)),
    jobRoleBroader: relationLoader((ids) => r.findBroader(ids)),
    jobRoleEquivalents: relationLoader((ids) => r.findEquivalentRoles(ids)),
  };
}

declare module '../context' {
  // The request's loaders include this domain's (see RequestLoaders).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface RequestLoaders extends ReturnType<typeof createJobRoleLoaders> {}
}
