import { createCredentialLoaders } from '../credential/credential.loaders';
import { createJobRoleLoaders } from '../job-role/job-role.loaders';
import { createLearnerLoaders } from '../learner/learner.loaders';
import { createProviderLoaders } from '../provider/provider.loaders';
import type { LinkedRow, TaughtRow } from '../credential/credential.repository';
import type { Provider } from '../provider/provider.type';
import type { Repositories } from '../services';
import { wantsAnything, type CredentialWants } from '../lib/lookahead';
import { createSkillLoaders } from '../skill/skill.loaders';

/** Every DataLoader of one request (or one subscription event): a nested list costs one query. */
export function createLoaders(repos: Repositories) {
  const loaders = {
    ...createProviderLoaders(repos.provider),
    ...createCredentialLoaders(repos.credential),
    ...createSkillLoaders(repos.skill),
    ...createJobRoleLoaders(repos.jobRole),
    ...createLearnerLoaders(repos.learner),
  };
  return {
    ...loaders,
    /**
     * Fetches what a read asks for below these credentials in one round trip and primes the
     * loaders with it, so the field resolvers below find it there (lookahead); what it does not
     * cover the loaders fetch as usual. `withNode` brings the credentials themselves too (a page
     * has them already; a read by id does not).
     */
    async prefetchCredentials(
      ids: readonly string[],
      want: CredentialWants,
      withNode = false,
    ): Promise<void> {
      if (ids.length === 0 || !wantsAnything(want)) return;
      const rows = await repos.credential.findRelations(ids, want, withNode);
      const primeSkills = (id: string, skills: TaughtRow[] | null) => {
        if (!skills) return;
        loaders.credentialSkills.prime(
          id,
          skills.map((s) => ({ key: id, node: s.node, level: s.level, label: s.label })),
        );
        for (const s of skills) {
          if (s.broader) {
            loaders.skillBroader.prime(
              s.node.id,
              s.broader.map((b) => ({ key: s.node.id, node: b })),
            );
          }
        }
      };
      const primeProvider = (found: Provider[] | null) => {
        if (found?.[0]) loaders.providerById.prime(found[0].id, found[0]);
      };
      const primeLinked = (
        id: string,
        linked: LinkedRow[] | null,
        loader: typeof loaders.credentialParts | typeof loaders.credentialPrerequisites,
      ) => {
        if (!linked) return;
        (loader as typeof loaders.credentialParts).prime(
          id,
          linked.map((l) => ({ key: id, node: l.node, required: l.required ?? true })),
        );
        for (const l of linked) {
          primeProvider(l.provider);
          primeSkills(l.node.id, l.skills);
        }
      };
      for (const row of rows) {
        if (row.node) loaders.credentialById.prime(row.key, row.node);
        primeProvider(row.provider);
        primeSkills(row.key, row.skills);
        if (row.jobRoles) {
          loaders.credentialJobRoles.prime(
            row.key,
            row.jobRoles.map((node) => ({ key: row.key, node })),
          );
        }
        primeLinked(row.key, row.prerequisites, loaders.credentialPrerequisites);
        primeLinked(row.key, row.parts, loaders.credentialParts);
        primeLinked(row.key, row.wholes, loaders.credentialWholes);
      }
    },
  };
}
/** The loaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
