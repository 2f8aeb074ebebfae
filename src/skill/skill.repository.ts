import type { Credential } from '../credential/credential.type';
import type { Database, Tx } from '../db/database';
import type { JobRole } from '../job-role/job-role.type';
import { nowIso } from '../lib/clock';
import type { RelationRow } from '../lib/loader';
import { pageOf, type Page } from '../lib/pagination';
import type { MatchableSkill } from './skill-matcher';
import type { Framework, Skill, SkillType } from './skill.type';

/** How many links of one kind a skill field returns at most (ESCO hubs have hundreds). */
export const SKILL_LINK_LIMIT = 100;

/** The most broader and related skills a skill serves (ESCO's most are 9 and 20). */
export const SKILL_LIST_BOUNDS = { broader: 20, related: 50 } as const;

/** A provider-defined skill as first registered. */
export interface CustomSkillRow {
  id: string;
  label: string;
  providerId: string;
}

export interface SkillLinks {
  id: string;
  broader: string[];
  related: { skillId: string; essential: boolean }[];
}

/** Skills, their hierarchy and relations, and what teaches or requires them. */
/** Where a custom skill was placed: concepts proposed for it and custom skills of its group. */
export interface CustomPlacement {
  suggestedMappings: { skill: Skill; score: number }[];
  sameMeaning: Skill[];
}

export class SkillRepository {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<Skill[]> {
    const rows = await this.db.read<{ node: Skill }>('skill/find-by-ids', { ids });
    return rows.map((r) => r.node);
  }

  async findPage(
    filter: { framework: Framework | null; skillType: SkillType | null },
    skip: number,
    first: number,
  ): Promise<Page<Skill>> {
    const rows = await this.db.read<{ node: Skill }>('skill/find-page', { ...filter, skip, first });
    return pageOf(
      rows.map((r) => r.node),
      first,
      () => this.db.count('skill/count-page', filter),
    );
  }

  findBroader(ids: readonly string[]) {
    return this.db.read<RelationRow<Skill>>('skill/find-broader', {
      ids,
      limit: SKILL_LIST_BOUNDS.broader,
    });
  }

  findNarrower(ids: readonly string[]) {
    return this.db.read<RelationRow<Skill>>('skill/find-narrower', {
      ids,
      limit: SKILL_LINK_LIMIT,
    });
  }

  findRelated(ids: readonly string[]) {
    return this.db.read<RelationRow<Skill, { essential: boolean | null }>>('skill/find-related', {
      ids,
      limit: SKILL_LIST_BOUNDS.related,
    });
  }

  findCredentials(ids: readonly string[]) {
    return this.db.read<RelationRow<Credential, { level: number }>>('skill/find-credentials', {
      ids,
      limit: SKILL_LINK_LIMIT,
    });
  }

  findJobRoles(ids: readonly string[]) {
    return this.db.read<
      RelationRow<JobRole, { essential: boolean; importance: number; level: number }>
    >('skill/find-job-roles', { ids, limit: SKILL_LINK_LIMIT });
  }

  /** Every registry skill (ESCO, O*NET, admin-defined) with all its labels: the matcher's input. */
  findLabels(): Promise<MatchableSkill[]> {
    return this.db.read<MatchableSkill & Record<string, unknown>>('skill/find-labels', {});
  }

  /** For each of these skills, the others of them that are broader than it. */
  async ancestorsAmong(ids: readonly string[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    if (ids.length < 2) return out;
    const rows = await this.db.read<{ id: string; ancestorId: string }>(
      'skill/find-ancestors-among',
      { ids },
    );
    for (const r of rows) out.set(r.id, (out.get(r.id) ?? new Set()).add(r.ancestorId));
    return out;
  }

  /** A fingerprint of the taxonomy skills that changes when any is added or updated. */
  async labelVersion(): Promise<string> {
    const [row] = await this.db.read<{ skills: number; updatedAt: string | null }>(
      'skill/label-version',
      {},
    );
    return `${row?.skills ?? 0}@${row?.updatedAt ?? ''}`;
  }

  /** Creates the custom skills that do not exist yet (a provider's own words). */
  async createCustom(tx: Tx, skills: CustomSkillRow[]): Promise<void> {
    if (skills.length > 0) await tx.run('skill/upsert-custom', { skills, now: nowIso() });
  }

  /** The taxonomy skill each of these custom skills is mapped to (mapped ones only). */
  async findCustomTargets(ids: string[], q: Tx = this.db): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await q.run<{ id: string; targetId: string }>('skill/find-custom-targets', {
      ids,
    });
    return new Map(rows.map((r) => [r.id, r.targetId]));
  }

  /** Maps a custom skill; returns the credentials whose taught skills moved. */
  async mapCustom(tx: Tx, customId: string, skillId: string): Promise<string[]> {
    const [row] = await tx.run<{ credentialIds: string[] }>('skill/map-custom', {
      customId,
      skillId,
      now: nowIso(),
    });
    return row?.credentialIds ?? [];
  }

  /** A provider's custom skills by label. */
  findCustom(providerId: string, unmappedOnly: boolean, first: number) {
    return this.db.read<
      { skill: Skill; mappedTo: Skill | null; credentials: number } & CustomPlacement &
        Record<string, unknown>
    >('skill/find-custom', { providerId, unmappedOnly, first });
  }

  /** Where a custom skill was placed: proposed concepts and custom skills of its group. */
  async findCustomPlacement(id: string): Promise<CustomPlacement> {
    const [row] = await this.db.read<CustomPlacement & Record<string, unknown>>(
      'skill/find-custom-placement',
      { id },
    );
    return row ?? { suggestedMappings: [], sameMeaning: [] };
  }

  async findMissing(tx: Tx, ids: string[]): Promise<string[]> {
    const [row] = await tx.run<{ missing: string[] }>('skill/find-missing', { ids });
    return row?.missing ?? [];
  }

  async upsertMany(tx: Tx, skills: Omit<Skill, never>[]): Promise<void> {
    await tx.run('skill/upsert-many', { skills, now: nowIso() });
  }

  async replaceLinks(tx: Tx, links: SkillLinks[]): Promise<void> {
    await tx.run('skill/replace-links', { links });
  }
}
