import { validate, type ValidationError } from 'class-validator';
import { actingProvider } from '../auth/guards';
import type { Viewer } from '../auth/viewer';
import type { Database } from '../db/database';
import type { EventBus } from '../lib/event-bus';
import { CodedError, NotFoundError, UserInputError } from '../lib/errors';
import { findById } from '../lib/group';
import type { ProviderRepository } from '../provider/provider.repository';
import type { SkillRepository } from '../skill/skill.repository';
import type { Skill } from '../skill/skill.type';
import { CredentialEvents, type CredentialEventTopics } from './credential.events';
import type { CredentialInput } from './credential.inputs';
import type { CredentialProps, CredentialRepository, SkillLevel } from './credential.repository';
import {
  checkFields,
  clearedFields,
  contentHash,
  credentialId,
  dedupeSkills,
  propsOf,
  withCtid,
  withLevels,
} from './credential.rules';
import type { Credential } from './credential.type';
import {
  resolveTaughtSkillsMany,
  type LabelResolution,
  type LabelResolver,
  type TaughtSkills,
} from './taught-skills';

/**
 * Registration of a batch of credential records as named phases: check the records, resolve
 * their skills, find references that exist nowhere, then write chunk by chunk and shape each
 * record's outcome. A record refused in any phase is REJECTED with its coded error and writes
 * nothing; the others go on. CredentialService.register() and registerMany() call it.
 */

/** The outcome of a registration or update: what is stored, and whether it was new or changed. */
export interface Registration {
  credential: Credential;
  created: boolean;
  changed: boolean;
  /** What each skill given by label became. */
  skillResolutions: (LabelResolution & { skill: Skill })[];
  /** The descriptive fields a re-registration left empty that had a value before. */
  clearedFields: string[];
  /** Labels left out, with why. */
  warnings: string[];
}

/** The most records one registerCredentials call takes, and how many go in one transaction. */
export const MAX_BULK_REGISTRATIONS = 500;
const BULK_CHUNK = 100;

/** What became of one record of a bulk registration. */
export enum BulkStatus {
  /** Stored: created or changed. */
  TAKEN = 'TAKEN',
  /** The same content was stored already; nothing was written. */
  UNCHANGED = 'UNCHANGED',
  /** Refused with a coded error; nothing of it was written. */
  REJECTED = 'REJECTED',
}

export interface BulkOutcome {
  index: number;
  externalId: string;
  status: BulkStatus;
  registration?: Registration;
  error?: CodedError;
}

/** What a registration reads and writes through. */
export interface RegistrationDeps {
  db: Database;
  credentials: CredentialRepository;
  providers: ProviderRepository;
  skills: SkillRepository;
  resolver: LabelResolver;
  events: EventBus<CredentialEventTopics>;
}

export interface RegistrationOptions {
  /** The operation's name, for error messages ("registerCredentials"). */
  operation: string;
  /** Whether each record is validated here (the GraphQL layer validates a single input itself). */
  validateEach: boolean;
}

/** A record checked and resolved, ready to write. */
interface Prepared {
  index: number;
  providerId: string;
  externalId: string;
  id: string;
  props: CredentialProps;
  skills: SkillLevel[];
  jobRoleIds: string[];
  contentHash: string;
  taught: TaughtSkills;
}

/** What one chunk's transaction wrote, and the records as they were before it. */
interface Written {
  rows: { index: number; node: Credential; created: boolean; changed: boolean }[];
  before: Map<string, Credential>;
}

/** Runs every phase over a batch; one instance per call. */
export async function registerBatch(
  deps: RegistrationDeps,
  viewer: Viewer,
  inputs: readonly CredentialInput[],
  options: RegistrationOptions,
): Promise<{ outcomes: BulkOutcome[]; newCustomSkills: boolean }> {
  if (inputs.length > MAX_BULK_REGISTRATIONS) {
    throw new UserInputError(
      `${options.operation} takes at most ${MAX_BULK_REGISTRATIONS} records per call.`,
      { field: 'inputs' },
    );
  }
  const batch = new Batch(deps, inputs);
  await batch.checkRecords(viewer, options);
  const prepared = await batch.resolveSkills();
  const records = await batch.findMissingReferences(prepared);
  for (let from = 0; from < records.length; from += BULK_CHUNK) {
    const chunk = records.slice(from, from + BULK_CHUNK);
    await batch.shapeOutcomes(chunk, await batch.writeChunk(chunk));
  }
  return {
    outcomes: batch.outcomes,
    newCustomSkills: records.some((p) => p.taught.custom.length > 0),
  };
}

/** The refusal for references that exist nowhere, or null when there are none. */
export function missingReferenceError(
  skillIds: string[],
  jobRoleIds: string[],
): UserInputError | null {
  if (skillIds.length > 0) {
    return new UserInputError(`Unknown skill ids: ${skillIds.join(', ')}. Register them first.`, {
      unknownSkillIds: skillIds,
    });
  }
  if (jobRoleIds.length > 0) {
    return new UserInputError(`Unknown job role ids: ${jobRoleIds.join(', ')}.`, {
      unknownJobRoleIds: jobRoleIds,
    });
  }
  return null;
}

/** The skill resolutions of labels with their skills, in the same order. */
export async function withSkills(
  skills: SkillRepository,
  resolutions: readonly LabelResolution[],
): Promise<(LabelResolution & { skill: Skill })[]> {
  const byId = await findById(
    (ids) => skills.findByIds(ids),
    resolutions.map((r) => r.skillId),
  );
  return resolutions.map((r) => {
    const skill = byId.get(r.skillId);
    // Every resolution names a skill written before this read (a taxonomy one or a custom one).
    if (!skill) throw new Error(`Resolved skill "${r.skillId}" is not stored.`);
    return { ...r, skill };
  });
}

class Batch {
  readonly outcomes: BulkOutcome[];
  /** The acting provider of each record that got that far. */
  private readonly providerOf = new Map<number, string>();

  constructor(
    private readonly deps: RegistrationDeps,
    private readonly inputs: readonly CredentialInput[],
  ) {
    this.outcomes = inputs.map((input, index) => ({
      index,
      externalId: input.externalId,
      status: BulkStatus.TAKEN,
    }));
  }

  private reject(index: number, error: unknown): void {
    if (!(error instanceof CodedError)) throw error;
    const outcome = this.outcomes[index];
    if (outcome) this.outcomes[index] = { ...outcome, status: BulkStatus.REJECTED, error };
  }

  private live(): BulkOutcome[] {
    return this.outcomes.filter((o) => o.status !== BulkStatus.REJECTED);
  }

  private input(index: number): CredentialInput {
    const input = this.inputs[index];
    if (!input) throw new Error(`No record at ${index}.`);
    return input;
  }

  private provider(index: number): string {
    const providerId = this.providerOf.get(index);
    if (providerId === undefined) throw new Error(`Record ${index} has no acting provider.`);
    return providerId;
  }

  /**
   * Phase 1: each record on its own (the call validates none, so one bad record is one REJECTED
   * result): its fields, who acts for which provider and whether that provider exists, one record
   * per externalId.
   */
  async checkRecords(viewer: Viewer, options: RegistrationOptions): Promise<void> {
    if (options.validateEach) {
      await Promise.all(
        this.inputs.map(async (input, i) => {
          const problems = await validate(input, { forbidUnknownValues: false });
          if (problems.length > 0)
            this.reject(i, new UserInputError(`Invalid record: ${describeProblems(problems)}`));
        }),
      );
    }
    for (const o of this.live()) {
      try {
        this.providerOf.set(
          o.index,
          actingProvider(viewer, this.input(o.index).providerId, options.operation),
        );
      } catch (error) {
        this.reject(o.index, error);
      }
    }
    const known = new Set(
      (await this.deps.providers.findByIds([...new Set(this.providerOf.values())])).map(
        (p) => p.id,
      ),
    );
    const seen = new Set<string>();
    for (const o of this.live()) {
      const providerId = this.provider(o.index);
      const id = credentialId(providerId, this.input(o.index).externalId);
      if (!known.has(providerId))
        this.reject(o.index, new NotFoundError(`No provider "${providerId}".`));
      else if (seen.has(id))
        this.reject(o.index, new UserInputError(`"${id}" appears more than once in this call.`));
      else seen.add(id);
    }
    for (const o of this.live()) {
      try {
        checkFields(this.input(o.index));
      } catch (error) {
        this.reject(o.index, error);
      }
    }
  }

  /** Phase 2: skills by label for all records at once, and each record ready to write. */
  async resolveSkills(): Promise<Prepared[]> {
    const pending = this.live();
    const taught = await resolveTaughtSkillsMany(
      pending.map((o) => ({
        providerId: this.provider(o.index),
        given: withLevels(this.input(o.index).skills, this.input(o.index)),
      })),
      this.deps.resolver,
      this.deps.skills,
    );
    return pending.flatMap((o, k) => {
      const t = taught[k];
      if (t === undefined) throw new Error(`No skills resolved for record ${o.index}.`);
      if (t instanceof Error) {
        this.reject(o.index, t);
        return [];
      }
      const input = this.input(o.index);
      const providerId = this.provider(o.index);
      const id = credentialId(providerId, input.externalId);
      const props = withCtid(propsOf(input), id);
      const skills = dedupeSkills(t.skills);
      const jobRoleIds = [...new Set(input.preparesFor)];
      return [
        {
          index: o.index,
          providerId,
          externalId: input.externalId,
          id,
          props,
          skills,
          jobRoleIds,
          contentHash: contentHash(props, skills, jobRoleIds),
          taught: t,
        },
      ];
    });
  }

  /**
   * Phase 3: references that exist nowhere reject their records (custom skills of this call are
   * created with it).
   */
  async findMissingReferences(prepared: Prepared[]): Promise<Prepared[]> {
    const creating = new Set(prepared.flatMap((p) => p.taught.custom.map((c) => c.id)));
    const missing = await this.deps.credentials.findMissingReferences(
      this.deps.db,
      [...new Set(prepared.flatMap((p) => p.skills.map((s) => s.skillId)))].filter(
        (id) => !creating.has(id),
      ),
      [...new Set(prepared.flatMap((p) => p.jobRoleIds))],
    );
    const unknownSkills = new Set(missing.skills);
    const unknownRoles = new Set(missing.jobRoles);
    return prepared.filter((p) => {
      const error = missingReferenceError(
        p.skills.map((s) => s.skillId).filter((id) => unknownSkills.has(id)),
        p.jobRoleIds.filter((id) => unknownRoles.has(id)),
      );
      if (error) this.reject(p.index, error);
      return error === null;
    });
  }

  /**
   * Phase 4: one transaction for a chunk: its new custom skills, the records (a record whose
   * content hash is unchanged is not rewritten), and the skill and job role links of those that
   * changed.
   */
  writeChunk(chunk: Prepared[]): Promise<Written> {
    const { credentials, skills } = this.deps;
    return this.deps.db.writeTransaction(async (tx) => {
      const before = new Map(
        (
          await credentials.findByIds(
            chunk.map((p) => p.id),
            tx,
          )
        ).map((c) => [c.id, c]),
      );
      await skills.createCustom(
        tx,
        chunk.flatMap((p) => p.taught.custom),
      );
      const rows = await credentials.upsertMany(
        tx,
        chunk.map(({ index, providerId, externalId, id, props, contentHash: hash }) => ({
          index,
          providerId,
          externalId,
          id,
          props,
          contentHash: hash,
        })),
      );
      const changed = new Set(rows.filter((r) => r.changed).map((r) => r.index));
      const toWrite = chunk.filter((p) => changed.has(p.index));
      await credentials.replaceSkills(
        tx,
        toWrite.map((p) => ({ id: p.id, skills: p.skills })),
      );
      await credentials.replaceJobRoles(
        tx,
        toWrite.map((p) => ({ id: p.id, jobRoleIds: p.jobRoleIds })),
      );
      return { rows, before };
    });
  }

  /** Phase 5: after the commit, each record's outcome and its event. */
  async shapeOutcomes(chunk: Prepared[], written: Written): Promise<void> {
    const byIndex = new Map(written.rows.map((r) => [r.index, r]));
    // The skills of every label resolution of the chunk, in one read.
    const resolutions = await withSkills(
      this.deps.skills,
      chunk.flatMap((p) => p.taught.resolutions),
    );
    let at = 0;
    for (const p of chunk) {
      const mine = resolutions.slice(at, at + p.taught.resolutions.length);
      at += p.taught.resolutions.length;
      const row = byIndex.get(p.index);
      if (!row) continue;
      const before = written.before.get(p.id);
      this.outcomes[p.index] = {
        index: p.index,
        externalId: p.externalId,
        status: row.changed ? BulkStatus.TAKEN : BulkStatus.UNCHANGED,
        registration: {
          credential: row.node,
          created: row.created,
          changed: row.changed,
          skillResolutions: mine,
          clearedFields: before ? clearedFields(before, p.props) : [],
          warnings: p.taught.warnings,
        },
      };
      if (row.created) {
        this.deps.events.publish(CredentialEvents.REGISTERED, {
          credentialId: row.node.id,
          providerId: p.providerId,
          skillIds: p.skills.map((s) => s.skillId),
        });
      } else if (row.changed) {
        this.deps.events.publish(CredentialEvents.CHANGED, {
          credentialId: row.node.id,
          providerId: row.node.providerId,
          change: 'UPDATED',
        });
      }
    }
  }
}

/** class-validator's findings as one line: "field: what is wrong; ..." (nested fields dotted). */
function describeProblems(problems: ValidationError[], prefix = ''): string {
  return problems
    .flatMap((p) => {
      const field = `${prefix}${p.property}`;
      const own = Object.values(p.constraints ?? {}).map((c) => `${field}: ${c}`);
      const nested = p.children?.length ? [describeProblems(p.children, `${field}.`)] : [];
      return [...own, ...nested];
    })
    .join('; ')
    .slice(0, 400);
}
