import { nodeLoader, relationLoader } from '../lib/loader';
import type { SkillRepository } from './skill.repository';

/** The per-request loaders of the skill domain: one query per batch of keys. */
export function createSkillLoaders(r: SkillRepository) {
  return {
    skillById: nodeLoader((ids) => r.findByIds(ids)),
    skillBroader: relationLoader((ids) => r.findBroader(ids)),
    skillNarrower: relationLoader((ids) => r.findNarrower(ids)),
    skillRelated: relationLoader((ids) => r.findRelated(ids)),
    skillCredentials: relationLoader((ids) => r.findCredentials(ids)),
    skillJobRoles: relationLoader((ids) => r.findJobRoles(ids)),
  };
}

declare module '../context' {
  // The request's loaders include this domain's (see RequestLoaders).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface RequestLoaders extends ReturnType<typeof createSkillLoaders> {}
}
