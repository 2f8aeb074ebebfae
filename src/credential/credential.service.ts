import { requireProviderOrAdmin } from '../auth/guards';
import type { Viewer } from '../auth/viewer';
import type { Database, Tx } from '../db/database';
import { ConflictError, NotFoundError, UserInputError } from '../lib/errors';
import { findById, groupByKey } from '../lib/group';
import type { EventBus } from '../lib/event-bus';
import type { Page } from '../lib/pagination';
import type { ProviderRepository } from '../provider/provider.repository';
import { CredentialEvents, type CredentialEventTopics } from './credential.events';
import type { CredentialFilter, CredentialInput, CredentialUpdateInput } from './credential.inputs';
import type { CredentialReadPlan } from './credential.repository';
import type {
  CredentialRead,
  CredentialRepository,
  EquivalenceAssertion,
  SkillLevel,
} from './credential.repository';
import {
  catalogueFilter,
  checkFields,
  contentHash,
  dedupeSkills,
  propsOf,
  withCtid,
  withLevels,
} from './credential.rules';
import { CredentialStatus, type Credential } from './credential.type';
import {
  missingReferenceError,
  registerBatch,
  withSkills,
  type BulkOutcome,
  type Registration,
  type RegistrationDeps,
  type RegistrationOptions,
} from './registration';
import { resolveTaughtSkills, type LabelResolver } from './taught-skills';
import type { Logger } from '../lib/logger';
import type { CustomPlacement, SkillRepository } from '../skill/skill.repository';
import { Framework, type Skill } from '../skill/skill.type';
import { present } from '../lib/present';

/** A declaration as stored, with the credentials on both sides. */
export interface Declaration {
  credential: Credential;
  other: Credential;
  assertion: EquivalenceAssertion;
  mutual: boolean;
}

/** A prerequisite (REQUIRES) or a part-of (PART_OF) link between two credentials. */
export type LinkKind = 'REQUIRES' | 'PART_OF';

const MAX_NOTE = 1000;

/**
 * The credential use cases: the catalogue read, registration (idempotent on provider and
 * externalId), updates, retirement, stacking links with their cycle check, and equivalence
 * declarations. Each write is one transaction; events go out after it commits.
 */
export class CredentialService {
  constructor(
    private readonly db: Database,
    private readonly credentials: CredentialRepository,
    private readonly providers: ProviderRepository,
    private readonly skills: SkillRepository,
    private readonly resolver: LabelResolver,
    private readonly events: EventBus<CredentialEventTopics>,
    private readonly logger: Logger,
  ) {}

  /**
   * The catalogue page for a filter (without a status filter only ACTIVE credentials), read by
   * plan (see CredentialReadPlan).
   */
  findPage(
    filter: CredentialFilter | null,
    skip: number,
    first: number,
    plan: CredentialReadPlan,
  ): Promise<Page<CredentialRead>> {
    return this.credentials.findPage(catalogueFilter(filter), skip, first, plan);
  }

  /** A credential by id, or null. */
  async find(id: string, q: Tx = this.db): Promise<Credential | null> {
    const [credential] = await this.credentials.findByIds([id], q);
    return credential ?? null;
  }

  /** A credential by id; NOT_FOUND when there is none. */
  async get(id: string, q: Tx = this.db): Promise<Credential> {
    const credential = await this.find(id, q);
    if (!credential) throw new NotFoundError(`No credential "${id}".`);
    return credential;
  }

  /** Loads a credential and checks the viewer may change it (its provider's key or an admin key). */
  private async owned(viewer: Viewer, id: string, what: string): Promise<Credential> {
    const credential = await this.get(id);
    requireProviderOrAdmin(viewer, credential.providerId, what);
    return credential;
  }

  /**
   * Registers or re-registers a credential of the viewer's provider (an admin names it in
   * `input.providerId`) in one transaction. The same content twice changes nothing and sends no
   * event. Unknown skill or job role ids fail with BAD_USER_INPUT naming them.
   */
  async register(viewer: Viewer, input: CredentialInput): Promise<Registration> {
    // The GraphQL layer has validated the input already; programmatic callers build it themselves.
    const [outcome] = await this.registerBatch(viewer, [input], {
      operation: 'registerCredential',
      validateEach: false,
    });
    if (outcome?.error) throw outcome.error;
    if (!outcome?.registration) throw new Error('A registration gave no outcome.');
    return outcome.registration;
  }

  /**
   * Registers up to MAX_BULK_REGISTRATIONS credentials: each record is TAKEN (stored: created or
   * changed), UNCHANGED, or REJECTED with its coded error, and a rejected record writes nothing
   * (the phases are in registration.ts).
   */
  registerMany(viewer: Viewer, inputs: readonly CredentialInput[]): Promise<BulkOutcome[]> {
    return this.registerBatch(viewer, inputs, {
      operation: 'registerCredentials',
      validateEach: true,
    });
  }

  private async registerBatch(
    viewer: Viewer,
    inputs: readonly CredentialInput[],
    options: RegistrationOptions,
  ): Promise<BulkOutcome[]> {
    const { outcomes, newCustomSkills } = await registerBatch(
      this.registration,
      viewer,
      inputs,
      options,
    );
    if (newCustomSkills) this.placeCustomSkills();
    return outcomes;
  }

  /**
   * After new custom skills were committed: their labels get vectors and they join the groups of
   * other providers' custom skills of the same meaning (SkillVectors), in the background so a
   * registration never waits for the model; a failure is logged and retried by the next one.
   */
  private placeCustomSkills(): void {
    this.placing = (this.placing ?? Promise.resolve())
      .then(() => this.resolver.placeCustom())
      .catch((error: unknown) =>
        this.logger.error('placing custom skills failed', { error: String(error) }),
      );
  }

  /** What registration reads and writes through (registration.ts). */
  private get registration(): RegistrationDeps {
    const { db, credentials, providers, skills, resolver, events } = this;
    return { db, credentials, providers, skills, resolver, events };
  }

  /** The custom-skill placement under way, if any (tests and tools wait for it). */
  private placing: Promise<void> | null = null;

  /** Resolves once custom skills registered so far have vectors, proposals and groups. */
  async settled(): Promise<void> {
    await this.placing;
  }

  /**
   * Maps a provider's custom skill to a taxonomy skill (its provider's key or an admin key): the
   * credentials teaching it teach the taxonomy skill instead, so gaps, plans and equivalences see
   * them, and later registrations with the same label link it directly. Mapping again moves them.
   */
  async mapCustomSkill(
    viewer: Viewer,
    customId: string,
    skillId: string,
  ): Promise<{ skill: Skill; mappedTo: Skill; credentials: number } & CustomPlacement> {
    const found = await findById((ids) => this.skills.findByIds(ids), [customId, skillId]);
    const custom = found.get(customId);
    if (!custom || custom.framework !== Framework.CUSTOM) {
      throw new NotFoundError(`No custom skill "${customId}".`);
    }
    requireProviderOrAdmin(viewer, custom.providerId ?? '', 'mapCustomSkill');
    const target = found.get(skillId);
    if (!target) throw new NotFoundError(`No skill "${skillId}".`);
    if (target.framework === Framework.CUSTOM) {
      throw new UserInputError('Map a custom skill to an ESCO or O*NET skill.', {
        field: 'skillId',
      });
    }
    const moved = await this.db.writeTransaction(async (tx) => {
      const ids = await this.skills.mapCustom(tx, customId, skillId);
      if (ids.length === 0) return [];
      // Re-registering the same content must still be a no-op: the hashes follow the new links.
      const stored = await this.credentials.findByIds(ids, tx);
      const taught = groupByKey(ids, await this.credentials.findSkills(ids, tx));
      const roles = groupByKey(ids, await this.credentials.findJobRoles(ids, tx));
      const at = new Map(ids.map((id, i) => [id, i]));
      await this.credentials.setContentHashes(
        tx,
        stored.map((c) => {
          const i = present(at.get(c.id), `the place of ${c.id} among the moved`);
          const skills = (taught[i] ?? []).map((r) => ({
            skillId: r.node.id,
            level: r.level,
            label: r.label,
          }));
          return {
            id: c.id,
            hash: contentHash(
              propsOf(c),
              skills,
              (roles[i] ?? []).map((r) => r.node.id),
            ),
          };
        }),
      );
      return stored;
    });
    for (const credential of moved) this.publishChanged(credential, 'UPDATED');
    return {
      skill: custom,
      mappedTo: target,
      credentials: moved.length,
      ...(await this.skills.findCustomPlacement(customId)),
    };
  }

  /** Applies a partial update; a patch that changes nothing writes nothing and sends no event. */
  async update(viewer: Viewer, id: string, patch: CredentialUpdateInput): Promise<Registration> {
    const current = await this.owned(viewer, id, 'updateCredential');
    const repo = this.credentials;
    const taught =
      patch.skills != null
        ? await resolveTaughtSkills(
            current.providerId,
            withLevels(patch.skills, {
              hours: patch.hours === undefined ? current.hours : patch.hours,
              eqfLevel: patch.eqfLevel === undefined ? current.eqfLevel : patch.eqfLevel,
            }),
            this.resolver,
            this.skills,
          )
        : null;
    const result = await this.db.writeTransaction(async (tx) => {
      const stored = await this.get(current.id, tx);
      const given = Object.fromEntries(
        Object.entries(patch).filter(([, value]) => value !== undefined),
      ) as Partial<CredentialUpdateInput>;
      if (given.title === null || given.credentialType === null) {
        throw new UserInputError('title and credentialType cannot be cleared.');
      }
      const props = withCtid(propsOf({ ...stored, ...given }), stored.id);
      checkFields(props);
      const skills =
        taught != null
          ? dedupeSkills(taught.skills)
          : (await repo.findSkills([stored.id], tx)).map((r) => ({
              skillId: r.node.id,
              level: r.level,
              label: r.label,
            }));
      const jobRoleIds =
        given.preparesFor != null
          ? [...new Set(given.preparesFor)]
          : (await repo.findJobRoles([stored.id], tx)).map((r) => r.node.id);
      const hash = contentHash(props, skills, jobRoleIds);
      const status = given.status;
      const statusChange = status != null && status !== stored.status;
      if (hash === (stored as Credential & { contentHash?: string }).contentHash && !statusChange) {
        return { node: stored, changed: false };
      }
      await this.skills.createCustom(tx, taught?.custom ?? []);
      await this.checkReferences(tx, skills, jobRoleIds);
      let node = await repo.update(tx, stored.id, props, hash);
      if (given.skills != null) await repo.replaceSkills(tx, [{ id: stored.id, skills }]);
      if (given.preparesFor != null) {
        await repo.replaceJobRoles(tx, [{ id: stored.id, jobRoleIds }]);
      }
      if (statusChange) node = await repo.setStatus(tx, stored.id, status);
      return { node, changed: true };
    });
    if (result.changed) this.publishChanged(current, 'UPDATED');
    if ((taught?.custom.length ?? 0) > 0) this.placeCustomSkills();
    return {
      credential: result.node,
      created: false,
      changed: result.changed,
      skillResolutions: await withSkills(this.skills, taught?.resolutions ?? []),
      clearedFields: [],
      warnings: taught?.warnings ?? [],
    };
  }

  /** Retires a credential: it stays readable and held, but is never suggested. */
  async retire(viewer: Viewer, id: string): Promise<Credential> {
    const current = await this.owned(viewer, id, 'retireCredential');
    if (current.status === CredentialStatus.RETIRED) return current;
    const node = await this.db.writeTransaction((tx) =>
      this.credentials.setStatus(tx, current.id, CredentialStatus.RETIRED),
    );
    this.publishChanged(current, 'RETIRED');
    return node;
  }

  /** Makes `prerequisiteId` a prerequisite of `id` (the dependent's provider or an admin). */
  async addPrerequisite(viewer: Viewer, id: string, prerequisiteId: string): Promise<Credential> {
    const credential = await this.owned(viewer, id, 'addPrerequisite');
    await this.get(prerequisiteId);
    await this.link('REQUIRES', id, prerequisiteId);
    return credential;
  }

  /** Removes a prerequisite (same rights as addPrerequisite); NOT_FOUND when there is none. */
  async removePrerequisite(
    viewer: Viewer,
    id: string,
    prerequisiteId: string,
  ): Promise<Credential> {
    const credential = await this.owned(viewer, id, 'removePrerequisite');
    const removed = await this.db.writeTransaction((tx) =>
      this.credentials.unlinkPrerequisite(tx, id, prerequisiteId),
    );
    if (removed === 0) throw new NotFoundError(`"${id}" does not require "${prerequisiteId}".`);
    return credential;
  }

  /** Stacks `partId` into `wholeId` (the whole's provider or an admin); returns the whole. */
  async addPart(
    viewer: Viewer,
    partId: string,
    wholeId: string,
    required: boolean,
  ): Promise<Credential> {
    const whole = await this.owned(viewer, wholeId, 'addPart');
    await this.get(partId);
    await this.link('PART_OF', partId, wholeId, required);
    return whole;
  }

  /** Removes a part from a whole (same rights as addPart); NOT_FOUND when it is not a part. */
  async removePart(viewer: Viewer, partId: string, wholeId: string): Promise<Credential> {
    const whole = await this.owned(viewer, wholeId, 'removePart');
    const removed = await this.db.writeTransaction((tx) =>
      this.credentials.unlinkPart(tx, partId, wholeId),
    );
    if (removed === 0) throw new NotFoundError(`"${partId}" is not part of "${wholeId}".`);
    return whole;
  }

  /**
   * Adds a REQUIRES or PART_OF link, refusing one that would let a credential reach itself through
   * prerequisites and parts together: as stored (a whole requiring its own part) or as stacking
   * paths run (a part requiring its own whole). A lock node serialises stacking link changes, so
   * two concurrent links cannot close a cycle together. Rights are the caller's to check.
   */
  async link(kind: LinkKind, from: string, to: string, required = true): Promise<void> {
    if (from === to) throw new ConflictError('A credential cannot be linked to itself.');
    const repo = this.credentials;
    await this.db.writeTransaction(async (tx) => {
      await repo.lockLinks(tx);
      if (await repo.wouldCloseCycle(tx, kind, from, to)) {
        const what = kind === 'REQUIRES' ? 'prerequisite' : 'part-of';
        throw new ConflictError(
          `This ${what} link would close a cycle of prerequisites and parts between "${from}" ` +
            `and "${to}" (a whole cannot require its own part, nor a part its own whole).`,
          { cycle: true },
        );
      }
      if (kind === 'REQUIRES') await repo.linkPrerequisite(tx, from, to);
      else await repo.linkPart(tx, from, to, required);
    });
  }

  /**
   * Declares the viewer's credential equivalent to another; mutual once the other side's provider
   * declares it too. Declaring again updates the note.
   */
  async declareEquivalence(
    viewer: Viewer,
    id: string,
    otherId: string,
    note: string | null,
  ): Promise<Declaration> {
    const credential = await this.owned(viewer, id, 'declareEquivalence');
    const other = await this.get(otherId);
    if (id === otherId) throw new UserInputError('A credential is trivially equivalent to itself.');
    if (note !== null && note.length > MAX_NOTE) {
      throw new UserInputError(`note is limited to ${MAX_NOTE} characters.`);
    }
    const declared = await this.db.writeTransaction((tx) =>
      this.credentials.declareEquivalence(tx, id, otherId, note),
    );
    this.events.publish(CredentialEvents.EQUIVALENCE_DECLARED, {
      credentialId: id,
      otherId,
      assertedBy: declared.assertedBy,
      mutual: declared.mutual,
    });
    const { mutual, ...assertion } = declared;
    return { credential, other, assertion, mutual };
  }

  /** Withdraws the viewer's declaration; NOT_FOUND when there is none. */
  async withdrawEquivalence(viewer: Viewer, id: string, otherId: string): Promise<Credential> {
    const credential = await this.owned(viewer, id, 'withdrawEquivalence');
    const removed = await this.db.writeTransaction((tx) =>
      this.credentials.withdrawEquivalence(tx, id, otherId),
    );
    if (removed === 0) throw new NotFoundError(`No equivalence from "${id}" to "${otherId}".`);
    return credential;
  }

  /** The declaration an event announced, as stored now (for subscribers). */
  async declarationOf(event: {
    credentialId: string;
    otherId: string;
    assertedBy: string;
    mutual: boolean;
  }): Promise<Declaration> {
    const credential = await this.get(event.credentialId);
    const other = await this.get(event.otherId);
    const rows = await this.credentials.findDeclaredEquivalents([event.credentialId]);
    const assertion = rows
      .find((r) => r.node.id === event.otherId)
      ?.assertions.find((a) => a.assertedBy === event.assertedBy) ?? {
      assertedBy: event.assertedBy,
      note: null,
      at: new Date().toISOString(),
    };
    return { credential, other, assertion, mutual: event.mutual };
  }

  private publishChanged(c: Credential, change: 'UPDATED' | 'RETIRED'): void {
    this.events.publish(CredentialEvents.CHANGED, {
      credentialId: c.id,
      providerId: c.providerId,
      change,
    });
  }

  private async checkReferences(tx: Tx, skills: SkillLevel[], jobRoleIds: string[]) {
    const missing = await this.credentials.findMissingReferences(
      tx,
      skills.map((s) => s.skillId),
      jobRoleIds,
    );
    const error = missingReferenceError(missing.skills, missing.jobRoles);
    if (error) throw error;
  }
}
