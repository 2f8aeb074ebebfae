import { nodeLoader, relationLoader } from '../lib/loader';
import type { Repositories } from '../server/services';

export function createLearnerLoaders(repos: Repositories) {
  const r = repos.learner;
  return {
    learnerById: nodeLoader((ids) => r.findByIds(ids)),
    learnerAchievements: relationLoader((ids) => r.findAchievements(ids)),
    learnerSkills: relationLoader((ids) => r.findSkills(ids)),
  };
}
