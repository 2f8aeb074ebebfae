import { createHash } from 'node:crypto';
import type { Tx } from '../db/database';
import { ConflictError, NotFoundError, UserInputError } from '../lib/errors';
import type { Context } from '../server/context';
import { CredentialEvents } from '../server/events';
import type { CredentialProps, SkillLevel } from './credential.repository';
import type {
  CredentialFieldsInput,
  CredentialInput,
  CredentialUpdateInput,
} from './credential.inputs';
import { CredentialStatus, type Credential } from './credential.type';

/** The descriptive properties a provider controls, in a fixed order for the content hash. */
export const PROPERTY_NAMES = [
  'title',
  'description',
  'credentialType',
  'providerLabel',
  'hours',
  'ects',
  'eqfLevel',
  'price',
  'currency',
  'language',
  'deliveryMode',
  'assessmentType',
  'qualityAssurance',
  'url',
  'validityMonths',
] as const;

/** An equivalence is mutual when the providers of both sides (two different ones) asserted it. */
export function isMutual(asserters: Iterable<string>, a: Credential, b: Credential): boolean {
  const by = new Set(asserters);
  return a.providerId !== b.providerId && by.has(a.providerId) && by.has(b.providerId);
}

export function credentialId(providerId: string, externalId: string): string {
  return `${providerId}:${externalId}`;
}

/** The provider-controlled properties of a source, each present (null when unset). */
export function propsOf(
  source: Partial<Record<(typeof PROPERTY_NAMES)[number], unknown>>,
): CredentialProps {
  const props: CredentialProps = {};
  for (const name of PROPERTY_NAMES) {
    const value = source[name];
    props[name] = value === undefined ? null : (value as string | number | null);
  }
  return props;
}

/** A hash of everything a registration sets: equal hashes mean a repeat changes nothing. */
export function contentHash(
  props: CredentialProps,
  skills: SkillLevel[],
  jobRoleIds: string[],
): string {
  const canonical = JSON.stringify([
    PROPERTY_NAMES.map((name) => props[name] ?? null),
    [...skills].sort((a, b) => a.skillId.localeCompare(b.skillId)).map((s) => [s.skillId, s.level]),
    [...new Set(jobRoleIds)].sort(),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function checkFields(fields: CredentialFieldsInput | CredentialProps): void {
  if (fields.price !== null && fields.price !== undefined && !fields.currency) {
    throw new UserInputError('price needs currency (an ISO 4217 code such as EUR).', {
      field: 'currency',
    });
  }
}

function dedupeSkills(skills: SkillLevel[]): SkillLevel[] {
  const byId = new Map<string, number>();
  for (const s of skills) byId.set(s.skillId, Math.max(byId.get(s.skillId) ?? 0, s.level));
  return [...byId].map(([skillId, level]) => ({ skillId, level }));
}

async function checkReferences(ctx: Context, tx: Tx, skills: SkillLevel[], jobRoleIds: string[]) {
  const missing = await ctx.repositories.credential.findMissingReferences(
    tx,
    skills.map((s) => s.skillId),
    jobRoleIds,
  );
  if (missing.skills.length > 0) {
    throw new UserInputError(
      `Unknown skill ids: ${missing.skills.join(', ')}. Register them first.`,
      {
        unknownSkillIds: missing.skills,
      },
    );
  }
  if (missing.jobRoles.length > 0) {
    throw new UserInputError(`Unknown job role ids: ${missing.jobRoles.join(', ')}.`, {
      unknownJobRoleIds: missing.jobRoles,
    });
  }
}

/** Registers or re-registers a credential in one transaction; events go out after commit. */
export async function registerCredential(ctx: Context, providerId: string, input: CredentialInput) {
  const provider = await ctx.loaders.providerById.load(providerId);
  if (!provider) throw new NotFoundError(`No provider "${providerId}".`);
  checkFields(input);
  const props = propsOf(input);
  const skills = dedupeSkills(input.skills);
  const jobRoleIds = [...new Set(input.preparesFor)];
  const hash = contentHash(props, skills, jobRoleIds);
  const repo = ctx.repositories.credential;
  const id = credentialId(providerId, input.externalId);

  const result = await ctx.db.writeTransaction(async (tx) => {
    await checkReferences(ctx, tx, skills, jobRoleIds);
    const upserted = await repo.upsert(
      tx,
      { providerId, externalId: input.externalId, id },
      props,
      hash,
    );
    if (upserted.changed) {
      await repo.replaceSkills(tx, upserted.node.id, skills);
      await repo.replaceJobRoles(tx, upserted.node.id, jobRoleIds);
    }
    return upserted;
  });

  if (result.created) {
    ctx.events.publish(CredentialEvents.REGISTERED, {
      credentialId: result.node.id,
      providerId,
      skillIds: skills.map((s) => s.skillId),
    });
  } else if (result.changed) {
    ctx.events.publish(CredentialEvents.CHANGED, {
      credentialId: result.node.id,
      providerId,
      change: 'UPDATED',
    });
  }
  return { credential: result.node, created: result.created, changed: result.changed };
}

/** Applies a partial update; a patch that changes nothing writes nothing and sends no event. */
export async function updateCredential(
  ctx: Context,
  current: Credential,
  patch: CredentialUpdateInput,
) {
  const repo = ctx.repositories.credential;
  const result = await ctx.db.writeTransaction(async (tx) => {
    const [stored] = await repo.findByIds([current.id], tx);
    if (!stored) throw new NotFoundError(`No credential "${current.id}".`);
    const given = Object.fromEntries(
      Object.entries(patch).filter(([, value]) => value !== undefined),
    ) as Partial<CredentialUpdateInput>;
    if (given.title === null || given.credentialType === null) {
      throw new UserInputError('title and credentialType cannot be cleared.');
    }
    const props = propsOf({ ...stored, ...given });
    checkFields(props);
    const skills =
      given.skills != null
        ? dedupeSkills(given.skills)
        : (await repo.findSkills([stored.id], tx)).map((r) => ({
            skillId: r.node.id,
            level: r.level,
          }));
    const jobRoleIds =
      given.preparesFor != null
        ? [...new Set(given.preparesFor)]
        : (await repo.findJobRoles([stored.id], tx)).map((r) => r.node.id);
    const hash = contentHash(props, skills, jobRoleIds);
    const statusChange = given.status != null && given.status !== stored.status;
    if (hash === (stored as Credential & { contentHash?: string }).contentHash && !statusChange) {
      return { node: stored, changed: false };
    }
    await checkReferences(ctx, tx, skills, jobRoleIds);
    let node = await repo.update(tx, stored.id, props, hash);
    if (given.skills != null) await repo.replaceSkills(tx, stored.id, skills);
    if (given.preparesFor != null) await repo.replaceJobRoles(tx, stored.id, jobRoleIds);
    if (statusChange) node = await repo.setStatus(tx, stored.id, given.status!);
    return { node, changed: true };
  });
  if (result.changed) {
    ctx.events.publish(CredentialEvents.CHANGED, {
      credentialId: current.id,
      providerId: current.providerId,
      change: 'UPDATED',
    });
  }
  return { credential: result.node, created: false, changed: result.changed };
}

export async function retireCredential(ctx: Context, current: Credential): Promise<Credential> {
  if (current.status === CredentialStatus.RETIRED) return current;
  const node = await ctx.db.writeTransaction((tx) =>
    ctx.repositories.credential.setStatus(tx, current.id, CredentialStatus.RETIRED),
  );
  ctx.events.publish(CredentialEvents.CHANGED, {
    credentialId: current.id,
    providerId: current.providerId,
    change: 'RETIRED',
  });
  return node;
}

/**
 * Adds a REQUIRES or PART_OF link, refusing one that would close a cycle. A lock node serialises
 * link changes of the kind, so two concurrent links cannot close a cycle together.
 */
export async function addLink(
  ctx: Context,
  kind: 'REQUIRES' | 'PART_OF',
  from: string,
  to: string,
  required = true,
): Promise<void> {
  if (from === to) throw new ConflictError('A credential cannot be linked to itself.');
  const repo = ctx.repositories.credential;
  await ctx.db.writeTransaction(async (tx) => {
    await repo.lockLinks(tx, kind);
    if (await repo.reaches(tx, kind, to, from)) {
      const what = kind === 'REQUIRES' ? 'prerequisite' : 'part-of';
      throw new ConflictError(
        `This ${what} link would close a cycle: "${to}" already leads to "${from}".`,
        { cycle: true },
      );
    }
    if (kind === 'REQUIRES') await repo.linkPrerequisite(tx, from, to);
    else await repo.linkPart(tx, from, to, required);
  });
}
