import { nodeLoader, relationLoader } from '../lib/loader';
import type { Repositories } from '../server/services';

export function createCredentialLoaders(repos: Repositories) {
  const r = repos.credential;
  return {
    credentialById: nodeLoader((ids) => r.findByIds(ids)),
    credentialSkills: relationLoader((ids) => r.findSkills(ids)),
    credentialPrerequisites: relationLoader((ids) => r.findPrerequisites(ids)),
    credentialUnlocks: relationLoader((ids) => r.findUnlocks(ids)),
    credentialWholes: relationLoader((ids) => r.findWholes(ids)),
    credentialParts: relationLoader((ids) => r.findParts(ids)),
    credentialEquivalents: relationLoader((ids) => r.findDeclaredEquivalents(ids)),
    credentialJobRoles: relationLoader((ids) => r.findJobRoles(ids)),
  };
}
