import type { JobRole } from '../job-role/job-role.type';
import type { createProviderLoaders } from '../provider/provider.loaders';
import type { Provider } from '../provider/provider.type';
import type { createSkillLoaders } from '../skill/skill.loaders';
import type { Skill } from '../skill/skill.type';
import type { createCredentialLoaders } from './credential.loaders';
import type { CredentialWants } from './credential.wants';
import type {
  CredentialRead,
  CredentialRelations,
  CredentialRepository,
  TaughtRow,
} from './credential.repository';
import type { Credential } from './credential.type';

/** The loaders held reads fall back on. */
type Fallback = ReturnType<typeof createCredentialLoaders> &
  Pick<ReturnType<typeof createProviderLoaders>, 'providerById'> &
  Pick<ReturnType<typeof createSkillLoaders>, 'skillBroader'>;

/** A linked credential as the link fields read it. */
type LinkedLink = { node: Credential; required?: boolean | null };

const wrap = <T>(found: readonly T[] | null): Promise<readonly T[]> | null =>
  found ? Promise.resolve(found) : null;

/**
 * The nested-read half of a request's loaders: what a credential read brought below the
 * credentials it returned (a lookahead, see credential.reads.ts) stays with those objects, so each
 * carries what its own selection asked for and the partial nodes a lean read projects never enter
 * the caches other fields share; the link fields read it from there, or through the loaders when
 * nothing was brought. Providers come whole and prime the provider loader.
 */
export function createHeldReads(loaders: Fallback, repository: CredentialRepository) {
  const held = new WeakMap<object, Partial<CredentialRelations>>();
  const heldBroader = new WeakMap<object, Skill[]>();
  const primeProvider = (found: Provider[] | null | undefined) => {
    if (found?.[0]) loaders.providerById.prime(found[0].id, found[0]);
  };
  const holdSkills = (skills: TaughtRow[] | null | undefined) => {
    for (const s of skills ?? []) if (s.broader) heldBroader.set(s.node, s.broader);
  };
  const hold = (node: Credential, relations: Partial<CredentialRelations> | null) => {
    if (!relations) return;
    held.set(node, relations);
    primeProvider(relations.provider);
    holdSkills(relations.skills);
    for (const list of [relations.prerequisites, relations.parts, relations.wholes]) {
      for (const l of list ?? []) hold(l.node, { provider: l.provider, skills: l.skills });
    }
  };
  const heldOf = <K extends keyof CredentialRelations>(c: Credential, kind: K) =>
    held.get(c)?.[kind] ?? null;
  return {
    /** Keeps what a list read brought below its credentials with them (see above). */
    holdCredentials(reads: readonly CredentialRead[]): void {
      for (const read of reads) hold(read.node, read.relations);
    },
    /**
     * A credential by id, whole, with what `want` asks for below it, in one round trip; without
     * `want` (or when that read finds nothing) through the credential loader.
     */
    async readCredential(id: string, want: CredentialWants | null): Promise<Credential | null> {
      if (want) {
        const [row] = await repository.findRelations([id], want);
        if (row) {
          loaders.credentialById.prime(id, row.node);
          hold(row.node, row.relations);
          return row.node;
        }
      }
      return loaders.credentialById.load(id);
    },
    /** The provider of a credential, as a read brought it or through the provider loader. */
    providerOf(c: Credential): Promise<Provider | null> {
      const found = heldOf(c, 'provider');
      return found?.[0] ? Promise.resolve(found[0]) : loaders.providerById.load(c.providerId);
    },
    /** The skills a credential teaches, as a read brought them or through their loader. */
    skillsOf(c: Credential): Promise<readonly Omit<TaughtRow, 'broader'>[]> {
      return wrap(heldOf(c, 'skills')) ?? loaders.credentialSkills.load(c.id);
    },
    prerequisitesOf(c: Credential): Promise<readonly LinkedLink[]> {
      return wrap(heldOf(c, 'prerequisites')) ?? loaders.credentialPrerequisites.load(c.id);
    },
    partsOf(c: Credential): Promise<readonly LinkedLink[]> {
      return wrap(heldOf(c, 'parts')) ?? loaders.credentialParts.load(c.id);
    },
    wholesOf(c: Credential): Promise<readonly LinkedLink[]> {
      return wrap(heldOf(c, 'wholes')) ?? loaders.credentialWholes.load(c.id);
    },
    jobRolesOf(c: Credential): Promise<readonly { node: JobRole }[]> {
      const found = heldOf(c, 'jobRoles');
      return found
        ? Promise.resolve(found.map((node) => ({ node })))
        : loaders.credentialJobRoles.load(c.id);
    },
    /** The broader skills of a skill, as a read brought them or through their loader. */
    broaderOf(s: Skill): Promise<readonly { node: Skill }[]> {
      const found = heldBroader.get(s);
      return found
        ? Promise.resolve(found.map((node) => ({ node })))
        : loaders.skillBroader.load(s.id);
    },
  };
}

declare module '../context' {
  // The request's loaders include the held reads (see RequestLoaders).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface RequestLoaders extends ReturnType<typeof createHeldReads> {}
}
