import { nodeLoader, relationLoader } from '../lib/loader';
import type { CredentialRepository } from './credential.repository';

/** The per-request loaders of the credential domain: one query per batch of keys. */
export function createCredentialLoaders(r: CredentialRepository) {
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

declare module '../context' {
  // The request's loaders include this domain's (see RequestLoaders).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface RequestLoaders extends ReturnType<typeof createCredentialLoaders> {}
}
