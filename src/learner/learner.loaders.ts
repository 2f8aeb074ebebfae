import { nodeLoader, relationLoader } from '../lib/loader';
import type { LearnerRepository } from './learner.repository';

/** The per-request loaders of the learner domain: one query per batch of keys. */
export function createLearnerLoaders(r: LearnerRepository) {
  return {
    learnerById: nodeLoader((ids) => r.findByIds(ids)),
    learnerAchievements: relationLoader((ids) => r.findAchievements(ids)),
    learnerSkills: relationLoader((ids) => r.findSkills(ids)),
    learnerGrants: relationLoader((ids) => r.findGrants(ids)),
  };
}

declare module '../context' {
  // The request's loaders include this domain's (see RequestLoaders).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface RequestLoaders extends ReturnType<typeof createLearnerLoaders> {}
}
