import { validate } from 'class-validator';
import { actingProvider } from '../auth/guards';
import type { Viewer } from '../auth/viewer';
import {
  CredentialInput,
  CredentialUpdateInput,
  SkillLevelInput,
  TranslationInput,
} from '../credential/credential.inputs';
import type { CredentialRepository } from '../credential/credential.repository';
import { credentialId } from '../credential/credential.rules';
import type { CredentialService, LinkKind } from '../credential/credential.service';
import { CredentialStatus, type Credential } from '../credential/credential.type';
import { LabelOutcome, type GivenSkill } from '../credential/taught-skills';
import type { JobRoleRepository } from '../job-role/job-role.repository';
import { CodedError, UserInputError, type ErrorCode } from '../lib/errors';
import type { SkillRepository } from '../skill/skill.repository';
import { achievementTypeOf, ctdlClassOf } from './credential-classes';
import type { AwardExporter } from './award-exporter';
import { ctdlCredentialNodes, fromCtdl, toCtdl } from './ctdl';
import { ctidIn, type CredentialDraft, type ParsedDocument } from './draft';
import { fromOpenBadge, toOpenBadge } from './open-badges';
import { jobRoleCandidates, registryIdIn, skillCandidates } from './references';
import { StandardFormat } from './standards.type';
import { present } from '../lib/present';

/** The most documents one import takes. */
export const MAX_DOCUMENTS = 500;
/** The most errors, and warnings, reported for one record. */
const MAX_RECORD_ERRORS = 50;
const MAX_RECORD_WARNINGS = 200;

/** What the records of one import call refer to (StandardsService.lookUp). */
interface Known {
  skills: Set<string>;
  roles: Set<string>;
  holders: Map<string, string[]>;
  stored: Map<string, { credential: Credential; words: Map<string, string> }>;
}

/** What an import did with one record. */
export interface RecordResult {
  index: number;
  externalId: string | null;
  status: 'TAKEN' | 'UNCHANGED' | 'REJECTED';
  credentialId: string | null;
  errors: { code: ErrorCode; message: string }[];
  warnings: string[];
}

/** Fields a record cannot do without: a problem with one rejects the record. */
const ESSENTIAL = new Set(['title', 'externalId', 'credentialType']);

/** A registration input from a draft (its references already resolved). */
function inputOf(
  draft: CredentialDraft,
  skills: GivenSkill[],
  preparesFor: string[],
  providerId: string,
): CredentialInput {
  return Object.assign(new CredentialInput(), {
    externalId: draft.externalId,
    title: draft.title,
    description: draft.description,
    credentialType: draft.credentialType,
    standardType: draft.standardType,
    providerLabel: draft.providerLabel,
    hours: draft.hours,
    ects: draft.ects,
    eqfLevel: draft.eqfLevel,
    price: draft.price,
    currency: draft.currency,
    language: draft.language,
    deliveryMode: draft.deliveryMode,
    assessmentType: draft.assessmentType,
    qualityAssurance: draft.qualityAssurance,
    url: draft.url,
    validityMonths: draft.validityMonths,
    ctid: draft.ctid,
    achievementId: draft.achievementId,
    translations: draft.translations.map((t) => Object.assign(new TranslationInput(), t)),
    skills: skills.map((s) => Object.assign(new SkillLevelInput(), s)),
    preparesFor,
    providerId,
  });
}

/**
 * Skills as the provider gave them before: a skill the stored credential teaches under the
 * provider's own words is given by those words again, so a re-import resolves it as the first
 * registration did and keeps the words (neither standard has a place for them).
 */
function inOwnWords(words: Map<string, string> | undefined, skills: GivenSkill[]): GivenSkill[] {
  if (!words) return skills;
  return skills.map((s) => {
    const own = s.skillId ? words.get(s.skillId) : undefined;
    return own !== undefined ? { label: own, level: s.level } : s;
  });
}

/**
 * Checks an input as the API would; a problem with an optional field drops that field (or list
 * item) with a warning instead of rejecting the record. Returns the errors that remain.
 */
async function tolerate(input: CredentialInput, warnings: string[]): Promise<string[]> {
  for (let round = 0; round < 3; round++) {
    const problems = await validate(input, { forbidUnknownValues: false });
    if (problems.length === 0) {
      // A price means nothing without its currency (also when the currency was dropped above).
      if (input.price != null && !input.currency) {
        warnings.push(`price ${input.price} not kept: it comes without a valid currency`);
        input.price = null;
      }
      return [];
    }
    const fatal: string[] = [];
    for (const p of problems) {
      const messages = (e: (typeof problems)[number]): string[] => [
        ...Object.values(e.constraints ?? {}),
        ...(e.children ?? []).flatMap(messages),
      ];
      const text = messages(p).join('; ');
      const record = input as unknown as Record<string, unknown>;
      if (ESSENTIAL.has(p.property)) {
        fatal.push(text);
      } else if (Array.isArray(record[p.property]) && (p.children ?? []).length > 0) {
        const bad = new Set((p.children ?? []).map((c) => Number(c.property)));
        const list = record[p.property] as object[];
        warnings.push(`${bad.size} of ${list.length} ${p.property} not kept: ${text}`);
        record[p.property] = list.filter((_, i) => !bad.has(i));
      } else {
        warnings.push(`${p.property} ${JSON.stringify(record[p.property])} not kept: ${text}`);
        record[p.property] = Array.isArray(record[p.property]) ? [] : null;
      }
    }
    if (fatal.length > 0) return fatal;
  }
  return ['the record could not be made valid'];
}

/**
 * Open standards in: Open Badges 3.0 Achievements (bare or inside an OpenBadgeCredential) and
 * CTDL credential records (bare or in a `@graph`), registered record by record.
 */
export class StandardsService {
  constructor(
    private readonly credentials: CredentialService,
    private readonly credentialRepository: CredentialRepository,
    private readonly skills: SkillRepository,
    private readonly jobRoles: JobRoleRepository,
    private readonly exporter: AwardExporter,
    /** Base URL for the ids of exported records. */
    readonly publicUrl: string,
  ) {}

  /**
   * One credential as a standard document, for the registry's URI of it (the id of its Open
   * Badges exports and the subject webpage of its CTDL export when the provider gives none);
   * null when there is no such credential.
   */
  async document(id: string, format: StandardFormat): Promise<Record<string, unknown> | null> {
    const credential = await this.credentials.find(id);
    if (!credential) return null;
    const [input] = await this.exporter.exportInputs([credential]);
    return format === StandardFormat.CTDL
      ? toCtdl(present(input, `the export of ${id}`), this.publicUrl)
      : toOpenBadge(present(input, `the export of ${id}`), this.publicUrl);
  }

  /**
   * Imports credentials of one provider (the viewer's; an admin names it). Each record is
   * registered on its own through the same use case as registerCredential, so a rejected record
   * leaves nothing behind. References are resolved by kind: skills by id, code or (failing those)
   * name through the skill resolution; job roles by ESCO URI or O*NET-SOC code; credentials by
   * registry URI or id, CTID, OB3 id or this provider's externalId. A reference or field the
   * registry cannot keep is a warning, never a rejection; links are added after all records.
   */
  async import(
    viewer: Viewer,
    format: StandardFormat,
    documents: Record<string, unknown>[],
    asProvider: string | null,
  ): Promise<RecordResult[]> {
    const providerId = actingProvider(viewer, asProvider, 'importCredentials');
    if (documents.length > MAX_DOCUMENTS) {
      throw new UserInputError(
        `importCredentials takes at most ${MAX_DOCUMENTS} documents per call.`,
      );
    }
    const parsed = documents.flatMap((doc, index) => this.parse(format, doc, index));
    const known = await this.lookUp(
      parsed.flatMap((p) => (p.draft ? [p.draft] : [])),
      providerId,
    );
    const results: RecordResult[] = [];
    const taken: Taken[] = [];
    for (const record of parsed) {
      const result = await this.importRecord(viewer, format, providerId, record, known);
      results.push(result);
      const id = result.credentialId;
      if (id !== null && record.draft) taken.push({ result, draft: record.draft, id });
    }
    await this.addLinks(viewer, providerId, taken);
    for (const r of results) {
      if (r.warnings.length > MAX_RECORD_WARNINGS) {
        const more = r.warnings.length - MAX_RECORD_WARNINGS;
        r.warnings = [...r.warnings.slice(0, MAX_RECORD_WARNINGS), `... and ${more} more`];
      }
    }
    return results;
  }

  /**
   * What the records of one call refer to, in a few reads for the whole call: which skill and job
   * role ids exist, who holds the CTIDs and achievement ids, and the stored versions.
   */
  private async lookUp(drafts: CredentialDraft[], providerId: string): Promise<Known> {
    const [skills, roles, holders, stored] = await Promise.all([
      this.knownIds(
        drafts.flatMap((d) =>
          d.skills.flatMap((s) => (s.ref ? skillCandidates(this.publicUrl, s.ref, s.code) : [])),
        ),
        (ids) => this.skills.findByIds(ids),
      ),
      this.knownIds(
        drafts.flatMap((d) => d.jobRoles.flatMap((j) => this.roleCandidates(j))),
        (ids) => this.jobRoles.findByIds(ids),
      ),
      this.identityHolders(drafts),
      this.storedVersions(drafts.map((d) => credentialId(providerId, d.externalId))),
    ]);
    return { skills, roles, holders, stored };
  }

  /**
   * One record registered on its own through registerCredential (a rejected record leaves nothing
   * behind), with the warnings of what was not kept.
   */
  private async importRecord(
    viewer: Viewer,
    format: StandardFormat,
    providerId: string,
    { index, draft, errors }: ParsedDocument & { index: number },
    known: Known,
  ): Promise<RecordResult> {
    const result: RecordResult = {
      index,
      externalId: draft?.externalId ?? null,
      status: 'REJECTED',
      credentialId: null,
      errors: [],
      warnings: [],
    };
    const fail = (messages: string[]) => {
      result.errors = messages
        .slice(0, MAX_RECORD_ERRORS)
        .map((message) => ({ code: 'BAD_USER_INPUT', message }));
      return result;
    };
    if (!draft) return fail(errors);
    const warnings = [...draft.warnings];
    result.warnings = warnings;
    const { skills, byName } = this.givenSkills(draft, known.skills, warnings);
    const preparesFor = draft.jobRoles.flatMap((j) => {
      const id = this.roleCandidates(j).find((c) => known.roles.has(c));
      if (id) return [id];
      warnings.push(
        `job role ${j.ref}${j.name ? ` ("${j.name}")` : ''} not kept: not in the registry`,
      );
      return [];
    });
    const self = credentialId(providerId, draft.externalId);
    // An identity another credential holds stays with it: two records must not share a CTID.
    for (const key of ['ctid', 'achievementId'] as const) {
      const value = draft[key];
      const other = value ? known.holders.get(value)?.find((id) => id !== self) : undefined;
      if (value && other) {
        warnings.push(`${key} ${value} not kept: it identifies ${other} in the registry`);
        draft[key] = null;
      }
    }
    const before = known.stored.get(self);
    this.keepWhatTheFormatCannotSay(format, draft, before?.credential ?? null);
    const input = inputOf(draft, inOwnWords(before?.words, skills), preparesFor, providerId);
    const problems = await tolerate(input, warnings);
    if (problems.length > 0) return fail(problems);
    try {
      const registered = await this.credentials.register(viewer, input);
      const statusChanged = await this.applyStatus(viewer, registered.credential, draft.status);
      result.status = registered.changed || statusChanged ? 'TAKEN' : 'UNCHANGED';
      result.credentialId = registered.credential.id;
      for (const r of registered.skillResolutions) {
        if (byName.has(r.label) && r.outcome !== LabelOutcome.MATCHED) {
          warnings.push(`skill "${r.label}" became ${r.skill.id} (${r.outcome})`);
        }
      }
    } catch (error) {
      if (!(error instanceof CodedError)) throw error;
      result.errors = [{ code: error.code, message: error.message }];
    }
    return result;
  }

  /**
   * A draft's skills as given to registration: by id when a reference is in the registry, else by
   * name as a label to resolve (`byName`), else not kept.
   */
  private givenSkills(
    draft: CredentialDraft,
    known: ReadonlySet<string>,
    warnings: string[],
  ): { skills: GivenSkill[]; byName: Set<string> } {
    const byName = new Set<string>();
    const skills = draft.skills.flatMap((s): GivenSkill[] => {
      const id = s.ref
        ? skillCandidates(this.publicUrl, s.ref, s.code).find((c) => known.has(c))
        : undefined;
      if (id) return [{ skillId: id, level: s.level }];
      if (s.name) {
        if (s.ref) {
          warnings.push(`skill ${s.ref} is not in the registry: resolved by its name "${s.name}"`);
        }
        const label = s.name.slice(0, 200);
        byName.add(label);
        return [{ label, level: s.level }];
      }
      warnings.push(`skill ${s.ref} not kept: not in the registry, and no name to resolve it by`);
      return [];
    });
    return { skills, byName };
  }

  /**
   * The stacking links the records have now and the equivalences their provider declared, as
   * `kind|from|to` -> required.
   */
  private async existingLinks(providerId: string, ids: string[]): Promise<Map<string, boolean>> {
    const r = this.credentialRepository;
    const [prerequisites, wholes, parts, equivalents] = await Promise.all([
      r.findPrerequisites(ids),
      r.findWholes(ids),
      r.findParts(ids),
      r.findDeclaredEquivalents(ids),
    ]);
    const links = new Map<string, boolean>();
    for (const p of prerequisites) links.set(`REQUIRES|${p.key}|${p.node.id}`, true);
    for (const w of wholes) links.set(`PART_OF|${w.key}|${w.node.id}`, w.required ?? true);
    for (const p of parts) links.set(`PART_OF|${p.node.id}|${p.key}`, p.required ?? true);
    for (const e of equivalents) {
      if (e.assertions.some((a) => a.assertedBy === providerId)) {
        links.set(`EQUIVALENT|${e.key}|${e.node.id}`, true);
      }
    }
    return links;
  }

  /** The registry job role ids an occupation reference may stand for: by its URI, then its code. */
  private roleCandidates(j: { ref: string; code: string | null }): string[] {
    const byCode = j.code ? jobRoleCandidates(this.publicUrl, j.code) : [];
    return [...new Set([...jobRoleCandidates(this.publicUrl, j.ref), ...byCode])];
  }

  /** Which credentials hold the CTIDs and achievement ids some drafts carry. */
  private async identityHolders(drafts: CredentialDraft[]): Promise<Map<string, string[]>> {
    const refs = [
      ...new Set(drafts.flatMap((d) => [d.ctid, d.achievementId].filter((x): x is string => !!x))),
    ];
    const rows = await this.credentialRepository.findByIdentity(
      refs.map((ref) => ({
        ref,
        ids: [],
        ctid: ctidIn(ref) === ref ? ref : null,
        achievementId: ref,
      })),
    );
    const holders = new Map<string, string[]>();
    for (const row of rows) holders.set(row.ref, [...(holders.get(row.ref) ?? []), row.id]);
    return holders;
  }

  /** The records of one document (a CTDL `@graph` may hold several), each parsed. */
  private parse(
    format: StandardFormat,
    doc: Record<string, unknown>,
    index: number,
  ): (ParsedDocument & { index: number })[] {
    if (format === StandardFormat.OPEN_BADGES_3) {
      return [{ index, ...fromOpenBadge(doc, this.publicUrl) }];
    }
    const nodes = ctdlCredentialNodes(doc);
    if (nodes.length === 0) {
      return [{ index, errors: ['@graph holds no CTDL credential (a ceterms credential class)'] }];
    }
    return nodes.map((node) => ({ index, ...fromCtdl(node, this.publicUrl) }));
  }

  /** Which of some ids exist, by one batched lookup. */
  private async knownIds(
    ids: string[],
    find: (ids: string[]) => Promise<{ id: string }[]>,
  ): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    return new Set(unique.length > 0 ? (await find(unique)).map((x) => x.id) : []);
  }

  /**
   * A re-import keeps what the format has no way to say: CTDL has no slot for the provider's own
   * type name, and neither format tells the registry's SPECIALIZATION, MICROMASTERS or NANODEGREE
   * from the class they export as; the stored value stays when the document agrees with it.
   */
  private keepWhatTheFormatCannotSay(
    format: StandardFormat,
    draft: CredentialDraft,
    stored: Credential | null,
  ): void {
    if (!stored) return;
    const sameClass =
      format === StandardFormat.CTDL
        ? ctdlClassOf(stored) === ctdlClassOf(draft)
        : achievementTypeOf(stored) === achievementTypeOf(draft);
    if (sameClass) {
      draft.credentialType = stored.credentialType;
      draft.standardType = stored.standardType ?? null;
    }
    if (format === StandardFormat.CTDL && draft.providerLabel == null) {
      draft.providerLabel = stored.providerLabel ?? null;
    }
  }

  /**
   * The credentials the records would replace, each with the provider's own words for the skills
   * it teaches (skill id -> words), in two reads for the whole call.
   */
  private async storedVersions(
    ids: string[],
  ): Promise<Map<string, { credential: Credential; words: Map<string, string> }>> {
    const unique = [...new Set(ids)];
    const [credentials, skills] = await Promise.all([
      this.credentialRepository.findByIds(unique),
      this.credentialRepository.findSkills(unique),
    ]);
    return new Map(
      credentials.map((credential) => [
        credential.id,
        {
          credential,
          words: new Map(
            skills.flatMap((r): [string, string][] =>
              r.key === credential.id && r.label ? [[r.node.id, r.label]] : [],
            ),
          ),
        },
      ]),
    );
  }

  /** Sets the status a document states (RETIRED retires; ACTIVE offers again). */
  private async applyStatus(
    viewer: Viewer,
    credential: Credential,
    status: CredentialStatus | null,
  ): Promise<boolean> {
    if (status == null || status === credential.status) return false;
    if (status === CredentialStatus.RETIRED) {
      await this.credentials.retire(viewer, credential.id);
    } else {
      const patch = Object.assign(new CredentialUpdateInput(), { status });
      await this.credentials.update(viewer, credential.id, patch);
    }
    return true;
  }

  /**
   * Adds the links taken records name, each on its own: prerequisites, parts (required or
   * elective) and wholes, and equivalences to credentials an achievement aligns to. A link that
   * cannot be added is a warning on its record.
   */
  private async addLinks(viewer: Viewer, providerId: string, taken: Taken[]): Promise<void> {
    const links = linksOf(taken);
    const resolved = await this.resolveRefs(providerId, [...new Set(links.map((l) => l.ref))]);
    const existing = await this.existingLinks(
      providerId,
      taken.map((t) => t.id),
    );
    for (const link of links) {
      const other = resolved.get(link.ref);
      if (!other) {
        link.result.warnings.push(
          `${LINK_NAMES[link.kind]} link to ${link.ref} not kept: no such credential in the registry`,
        );
        continue;
      }
      // hasPart names a part of this record: the link runs from the part to this whole.
      const [from, to] = link.inward ? [other, link.self] : [link.self, other];
      const stored = existing.get(`${link.kind}|${from}|${to}`);
      // A link stored as the document states it needs nothing (the part's side cannot say
      // whether it is required, so any stored part-of link agrees with it).
      if (stored !== undefined && (stored === link.required || !link.inward)) continue;
      await this.addLink(viewer, providerId, link, from, to);
    }
  }

  /** The registry id each credential reference stands for (those it finds). */
  private async resolveRefs(providerId: string, refs: string[]): Promise<Map<string, string>> {
    const resolved = new Map<string, string>();
    const rows = await this.credentialRepository.findByIdentity(
      refs.map((ref) => {
        const own = registryIdIn(this.publicUrl, 'credentials', ref);
        const ids = own ? [own] : ref.includes(':') && !/^[a-z]+:\/\//i.test(ref) ? [ref] : [];
        if (!ref.includes('/')) ids.push(credentialId(providerId, ref));
        return { ref, ids, ctid: ctidIn(ref), achievementId: ref };
      }),
    );
    for (const row of rows) if (!resolved.has(row.ref)) resolved.set(row.ref, row.id);
    return resolved;
  }

  /** One link through the credential service's rules; a refusal is a warning on its record. */
  private async addLink(
    viewer: Viewer,
    providerId: string,
    link: ImportLink,
    from: string,
    to: string,
  ): Promise<void> {
    const what = LINK_NAMES[link.kind];
    try {
      if (link.kind === 'EQUIVALENT') {
        await this.credentials.declareEquivalence(viewer, from, to, null);
        return;
      }
      const owner = await this.credentials.find(link.kind === 'REQUIRES' ? from : to);
      if (owner && owner.providerId !== providerId) {
        link.result.warnings.push(
          `${what} link ${from} -> ${to} not kept: only ${owner.providerId} may add it`,
        );
        return;
      }
      await this.credentials.link(link.kind, from, to, link.required);
    } catch (error) {
      if (!(error instanceof CodedError)) throw error;
      link.result.warnings.push(`${what} link ${from} -> ${to} not kept: ${error.message}`);
    }
  }
}

/** A record the import registered, with its registry id. */
interface Taken {
  result: RecordResult;
  draft: CredentialDraft;
  id: string;
}

/** A link a taken record names. */
interface ImportLink {
  result: RecordResult;
  kind: LinkKind | 'EQUIVALENT';
  self: string;
  ref: string;
  required: boolean;
  /** The link runs from the referenced credential to this one (hasPart). */
  inward: boolean;
}

const LINK_NAMES: Record<ImportLink['kind'], string> = {
  EQUIVALENT: 'equivalence',
  REQUIRES: 'prerequisite',
  PART_OF: 'part-of',
};

/**
 * The links the taken records name. What a whole says of its parts (required or elective) comes
 * after what a part says of its wholes (CTDL's isPartOf cannot say it), so the whole's word stands.
 */
function linksOf(taken: Taken[]): ImportLink[] {
  const link =
    ({ result, id }: Taken, kind: ImportLink['kind'], inward = false) =>
    (r: { ref: string; required: boolean }): ImportLink => ({
      result,
      kind,
      self: id,
      ref: r.ref,
      required: r.required,
      inward,
    });
  return [
    ...taken.flatMap((t) => [
      ...t.draft.requires.map(link(t, 'REQUIRES')),
      ...t.draft.isPartOf.map(link(t, 'PART_OF')),
      ...t.draft.equivalents.map(link(t, 'EQUIVALENT')),
    ]),
    ...taken.flatMap((t) => t.draft.hasPart.map(link(t, 'PART_OF', true))),
  ];
}
