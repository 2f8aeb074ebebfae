import { nodeLoader } from '../lib/loader';
import type { Repositories } from '../server/services';

export function createProviderLoaders(repos: Repositories) {
  return {
    providerById: nodeLoader((ids) => repos.provider.findByIds(ids)),
  };
}
