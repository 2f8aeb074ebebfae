import { nodeLoader, relationLoader } from '../lib/loader';
import type { Repositories } from '../server/services';

export function createSkillLoaders(repos: Repositories) {
  const r = repos.skill;
  return {
    skillById: nodeLoader((ids) => r.findByIds(ids)),
    skillBroader: relationLoader((ids) => r.findBroader(ids)),
    skillNarrower: relationLoader((ids) => r.findNarrower(ids)),
    skillRelated: relationLoader((ids) => r.findRelated(ids)),
    skillCredentials: relationLoader((ids) => r.findCredentials(ids)),
    skillJobRoles: relationLoader((ids) => r.findJobRoles(ids)),
  };
}
