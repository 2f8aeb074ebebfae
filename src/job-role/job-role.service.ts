import { requireAdmin } from '../auth/guards';
import type { Viewer } from '../auth/viewer';
import type { Database } from '../db/database';
import { UserInputError } from '../lib/errors';
import type { Page } from '../lib/pagination';
import type { SkillRepository } from '../skill/skill.repository';
import type { Framework } from '../skill/skill.type';
import type { JobRoleInput } from './job-role.inputs';
import type { JobRoleRepository } from './job-role.repository';
import type { JobRole } from './job-role.type';

/** An ESCO requirement without an importance: essential weighs 1, optional 0.5. */
export function defaultImportance(essential: boolean): number {
  return essential ? 1 : 0.5;
}

/** The job role use cases: the occupation read, and its maintenance by admins. */
export class JobRoleService {
  constructor(
    private readonly db: Database,
    private readonly jobRoles: JobRoleRepository,
    private readonly skills: SkillRepository,
  ) {}

  /** A page of job roles by title, optionally of one framework. */
  findPage(framework: Framework | null, skip: number, first: number): Promise<Page<JobRole>> {
    return this.jobRoles.findPage(framework, skip, first);
  }

  /**
   * Creates or updates a job role with its required skills, in one transaction (admin key).
   * Unknown skill ids fail with BAD_USER_INPUT naming them.
   */
  async upsert(viewer: Viewer, input: JobRoleInput): Promise<JobRole> {
    requireAdmin(viewer, 'upsertJobRole');
    const skillIds = input.requiredSkills.map((r) => r.skillId);
    if (new Set(skillIds).size !== skillIds.length) {
      throw new UserInputError('Each skill may be required once per job role.');
    }
    return this.db.writeTransaction(async (tx) => {
      const missing = await this.skills.findMissing(tx, skillIds);
      if (missing.length > 0) {
        throw new UserInputError(`Unknown skill ids: ${missing.join(', ')}.`, {
          unknownSkillIds: missing,
        });
      }
      return this.jobRoles.upsert(
        tx,
        {
          id: input.id,
          title: input.title,
          altTitles: input.altTitles,
          description: input.description ?? null,
          framework: input.framework,
          code: input.code ?? null,
          jobZone: input.jobZone ?? null,
        },
        input.requiredSkills.map((r) => ({
          skillId: r.skillId,
          essential: r.essential,
          importance: r.importance ?? defaultImportance(r.essential),
          level: r.level,
        })),
      );
    });
  }
}
