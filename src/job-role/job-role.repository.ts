import type { Database, Tx } from '../db/database';
import { nowIso } from '../lib/clock';
import type { RelationRow } from '../lib/loader';
import { pageOf, type Page } from '../lib/pagination';
import type { Framework, Skill } from '../skill/skill.type';
import type { JobRole } from './job-role.type';
import { present } from '../lib/present';

/** The most items each list of a job role serves (ESCO's largest occupation needs 340 skills). */
export const JOB_ROLE_LIST_BOUNDS = {
  requiredSkills: 500,
  relatedRoles: 50,
  equivalentRoles: 50,
  broader: 10,
} as const;

export interface SkillRequirementProps {
  skillId: string;
  essential: boolean;
  importance: number;
  level: number;
}

/** Job roles and their requirements, hierarchy, related and equivalent roles. */
export class JobRoleRepository {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<JobRole[]> {
    const rows = await this.db.read<{ node: JobRole }>('job-role/find-by-ids', { ids });
    return rows.map((r) => r.node);
  }

  async findPage(framework: Framework | null, skip: number, first: number): Promise<Page<JobRole>> {
    const rows = await this.db.read<{ node: JobRole }>('job-role/find-page', {
      framework,
      skip,
      first,
    });
    return pageOf(
      rows.map((r) => r.node),
      first,
      () => this.db.count('job-role/count-page', { framework }),
    );
  }

  findRequiredSkills(ids: readonly string[]) {
    return this.db.read<
      RelationRow<
        Skill,
        {
          essential: boolean;
          importance: number;
          level: number;
          reliable: boolean;
          evidence: string[];
        }
      >
    >('job-role/find-required-skills', { ids, limit: JOB_ROLE_LIST_BOUNDS.requiredSkills });
  }

  findRelatedRoles(ids: readonly string[]) {
    return this.db.read<RelationRow<JobRole, { tier: string | null; rank: number | null }>>(
      'job-role/find-related-roles',
      { ids, limit: JOB_ROLE_LIST_BOUNDS.relatedRoles },
    );
  }

  findEquivalentRoles(ids: readonly string[]) {
    return this.db.read<RelationRow<JobRole, { source: string | null; confidence: number | null }>>(
      'job-role/find-equivalent-roles',
      { ids, limit: JOB_ROLE_LIST_BOUNDS.equivalentRoles },
    );
  }

  findBroader(ids: readonly string[]) {
    return this.db.read<RelationRow<JobRole>>('job-role/find-broader', {
      ids,
      limit: JOB_ROLE_LIST_BOUNDS.broader,
    });
  }

  async upsert(
    tx: Tx,
    props: Omit<JobRole, never>,
    requiredSkills: SkillRequirementProps[],
  ): Promise<JobRole> {
    const [row] = await tx.run<{ node: JobRole }>('job-role/upsert', {
      props,
      requiredSkills,
      now: nowIso(),
    });
    return present(row, 'the upserted job role').node;
  }
}
