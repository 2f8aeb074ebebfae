import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database';
import { parseCsv } from '../lib/csv';
import { Framework, SkillType } from '../skill/skill.type';
import { ImportRepository, keepResolved, type ProgressListener } from './import.repository';

/** What an import did: rows written per kind, and references to concepts absent from the files. */
export interface ImportReport {
  readonly source: string;
  readonly counts: Record<string, number>;
  /** Per relation file: the references that name no concept of the package (nothing invented). */
  readonly dangling: Record<string, string[]>;
  readonly ms: number;
}

const released = (r: Record<string, string>) => !r.status || r.status === 'released';

const lines = (value: string | undefined) =>
  (value ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

function readCsv(dir: string, file: string): Record<string, string>[] {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    throw new Error(
      `${full} is missing: point the importer at the ESCO CSV package (v1.1 layout).`,
    );
  }
  return parseCsv(fs.readFileSync(full, 'utf8'));
}

/**
 * The skills and knowledge concepts of an ESCO CSV package (released ones only, with every label),
 * and its skill groups; also how many concepts were left out or had no type.
 */
export function readEscoSkills(dir: string) {
  const skillRows = readCsv(dir, 'classification/skills_en.csv');
  const skills = skillRows.filter(released).map((r) => ({
    id: r.conceptUri!,
    label: r.preferredLabel!,
    altLabels: lines(r.altLabels),
    hiddenLabels: lines(r.hiddenLabels),
    reuseLevel: r.reuseLevel || null,
    skillType: r.skillType === 'knowledge' ? SkillType.KNOWLEDGE : SkillType.SKILL,
    framework: Framework.ESCO,
    description: r.description || null,
  }));
  const groups = readCsv(dir, 'classification/skillGroups_en.csv').map((r) => ({
    id: r.conceptUri!,
    label: r.preferredLabel!,
    altLabels: lines(r.altLabels),
    skillType: SkillType.GROUP,
    framework: Framework.ESCO,
    description: r.description || null,
  }));
  return {
    skills,
    groups,
    // Only released concepts are the classification; a package may carry others (reported).
    notReleased: skillRows.filter((r) => !released(r)).length,
    // Six v1.1.1 concepts have no skillType; they are imported as skills and counted.
    typeMissing: skillRows.filter((r) => released(r) && !r.skillType).length,
  };
}

/**
 * Imports the official ESCO CSV package (v1.1 layout): skills and knowledge, skill groups, the
 * BROADER poly-hierarchy, skill-to-skill relations, occupations, ISCO groups and their hierarchy,
 * and essential/optional occupation-skill links (essential = importance 1.0, optional = 0.5, level 2).
 * Idempotent: every write is a MERGE. Links naming a concept absent from the package are reported,
 * not written.
 */
export async function importEsco(
  db: Database,
  dir: string,
  progress?: ProgressListener,
): Promise<ImportReport> {
  const started = Date.now();
  const repo = new ImportRepository(db);
  const counts: Record<string, number> = {};
  const dangling: Record<string, string[]> = {};

  const { skills, groups, notReleased, typeMissing } = readEscoSkills(dir);
  counts.skillsNotReleased = notReleased;
  counts.skillTypeMissing = typeMissing;
  counts.skillHiddenLabels = skills.filter((s) => s.hiddenLabels.length > 0).length;
  counts.skills = await repo.writeBatches('import/upsert-skills', skills, progress);
  counts.skillGroups = await repo.writeBatches('import/upsert-skills', groups, progress);
  const skillIds = new Set([...skills, ...groups].map((s) => s.id));

  const occupationRows = readCsv(dir, 'classification/occupations_en.csv');
  counts.occupationsNotReleased = occupationRows.filter((r) => !released(r)).length;
  const occupations = occupationRows.filter(released).map((r) => ({
    id: r.conceptUri!,
    title: r.preferredLabel!,
    altTitles: lines(r.altLabels),
    hiddenLabels: lines(r.hiddenLabels),
    description: r.description || null,
    framework: Framework.ESCO,
    code: r.code || r.iscoGroup || null,
    jobZone: null,
  }));
  const isco = readCsv(dir, 'classification/ISCOGroups_en.csv').map((r) => ({
    id: r.conceptUri!,
    title: r.preferredLabel!,
    altTitles: lines(r.altLabels),
    description: r.description || null,
    framework: Framework.ESCO,
    code: r.code || null,
    jobZone: null,
  }));
  counts.occupations = await repo.writeBatches('import/upsert-job-roles', occupations, progress);
  counts.iscoGroups = await repo.writeBatches('import/upsert-job-roles', isco, progress);
  const roleIds = new Set([...occupations, ...isco].map((o) => o.id));

  const resolve = <T>(file: string, rows: T[], ends: (row: T) => [string, Set<string>][]): T[] => {
    const { kept, missing } = keepResolved(rows, ends);
    dangling[file] = missing;
    return kept;
  };

  const broader = resolve(
    'broaderRelationsSkillPillar.csv',
    readCsv(dir, 'relations/broaderRelationsSkillPillar.csv').map((r) => ({
      from: r.conceptUri!,
      to: r.broaderUri!,
    })),
    (r) => [
      [r.from, skillIds],
      [r.to, skillIds],
    ],
  );
  counts.skillBroader = await repo.writeBatches('import/merge-skill-broader', broader, progress);

  const related = resolve(
    'skillSkillRelations.csv',
    readCsv(dir, 'relations/skillSkillRelations.csv').map((r) => ({
      from: r.originalSkillUri!,
      to: r.relatedSkillUri!,
      essential: r.relationType === 'essential',
    })),
    (r) => [
      [r.from, skillIds],
      [r.to, skillIds],
    ],
  );
  counts.skillRelated = await repo.writeBatches('import/merge-skill-related', related, progress);

  const occBroader = resolve(
    'broaderRelationsOccPillar.csv',
    readCsv(dir, 'relations/broaderRelationsOccPillar.csv').map((r) => ({
      from: r.conceptUri!,
      to: r.broaderUri!,
    })),
    (r) => [
      [r.from, roleIds],
      [r.to, roleIds],
    ],
  );
  counts.jobRoleBroader = await repo.writeBatches(
    'import/merge-job-role-broader',
    occBroader,
    progress,
  );

  const requirements = resolve(
    'occupationSkillRelations.csv',
    readCsv(dir, 'relations/occupationSkillRelations.csv').map((r) => ({
      roleId: r.occupationUri!,
      skillId: r.skillUri!,
      essential: r.relationType === 'essential',
      importance: r.relationType === 'essential' ? 1 : 0.5,
      level: 2,
    })),
    (r) => [
      [r.roleId, roleIds],
      [r.skillId, skillIds],
    ],
  );
  counts.requiredSkills = await repo.writeBatches(
    'import/merge-job-role-skills',
    requirements,
    progress,
  );

  return { source: 'ESCO v1.1 CSV', counts, dangling, ms: Date.now() - started };
}
