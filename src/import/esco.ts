import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database';
import { parseCsv, withColumns } from '../lib/csv';
import { Framework, SkillType } from '../skill/skill.type';
import {
  importRun,
  keepResolved,
  type ImportQuery,
  type ImportReport,
  type ProgressListener,
} from './import.repository';

export type { ImportReport } from './import.repository';

const released = (r: Record<string, string>) => !r.status || r.status === 'released';

const lines = (value: string | undefined) =>
  (value ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads a CSV file of the package into records of the columns asked for (withColumns). */
function readCsv<C extends string>(
  dir: string,
  file: string,
  columns: readonly C[],
): Record<C, string>[] {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    throw new Error(
      `${full} is missing: point the importer at the ESCO CSV package (v1.1 layout).`,
    );
  }
  return withColumns(parseCsv(fs.readFileSync(full, 'utf8')), columns, full);
}

/**
 * The skills and knowledge concepts of an ESCO CSV package (released ones only, with every label),
 * and its skill groups; also how many concepts were left out or had no type.
 */
export function readEscoSkills(dir: string) {
  const skillRows = readCsv(dir, 'classification/skills_en.csv', [
    'conceptUri',
    'preferredLabel',
    'altLabels',
    'hiddenLabels',
    'reuseLevel',
    'skillType',
    'description',
  ]);
  const skills = skillRows.filter(released).map((r) => ({
    id: r.conceptUri,
    label: r.preferredLabel,
    altLabels: lines(r.altLabels),
    hiddenLabels: lines(r.hiddenLabels),
    reuseLevel: r.reuseLevel || null,
    skillType: r.skillType === 'knowledge' ? SkillType.KNOWLEDGE : SkillType.SKILL,
    framework: Framework.ESCO,
    description: r.description || null,
  }));
  const groups = readCsv(dir, 'classification/skillGroups_en.csv', [
    'conceptUri',
    'preferredLabel',
    'altLabels',
    'description',
  ]).map((r) => ({
    id: r.conceptUri,
    label: r.preferredLabel,
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

/** The occupations (released ones) and ISCO groups of an ESCO CSV package, as job roles. */
export function readEscoOccupations(dir: string) {
  const occupationRows = readCsv(dir, 'classification/occupations_en.csv', [
    'conceptUri',
    'preferredLabel',
    'altLabels',
    'hiddenLabels',
    'description',
    'code',
    'iscoGroup',
  ]);
  const occupations = occupationRows.filter(released).map((r) => ({
    id: r.conceptUri,
    title: r.preferredLabel,
    altTitles: lines(r.altLabels),
    hiddenLabels: lines(r.hiddenLabels),
    description: r.description || null,
    framework: Framework.ESCO,
    code: r.code || r.iscoGroup || null,
    jobZone: null,
  }));
  const isco = readCsv(dir, 'classification/ISCOGroups_en.csv', [
    'conceptUri',
    'preferredLabel',
    'altLabels',
    'description',
    'code',
  ]).map((r) => ({
    id: r.conceptUri,
    title: r.preferredLabel,
    altTitles: lines(r.altLabels),
    description: r.description || null,
    framework: Framework.ESCO,
    code: r.code || null,
    jobZone: null,
  }));
  return {
    occupations,
    isco,
    notReleased: occupationRows.filter((r) => !released(r)).length,
  };
}

/** One relation file of the package: where it is, how its rows read, which ends must exist. */
interface LinkStep<T extends object, C extends string> {
  file: string;
  count: string;
  query: ImportQuery;
  columns: readonly C[];
  row: (r: Record<C, string>) => T;
  /** The row's ends, each with the kind of concept it must name. */
  ends: (row: T) => [string, 'skill' | 'role'][];
}

/** The package's concepts by kind, which a relation's ends must name. */
type Known = Record<'skill' | 'role', ReadonlySet<string>>;

/** A relation file read: the rows whose ends all exist, and the references that name nothing. */
const step =
  <T extends object, C extends string>(s: LinkStep<T, C>) =>
  (dir: string, known: Known) => {
    const rows = readCsv(dir, `relations/${s.file}`, s.columns).map(s.row);
    const { kept, missing } = keepResolved(rows, (row) =>
      s.ends(row).map(([id, kind]): [string, ReadonlySet<string>] => [id, known[kind]]),
    );
    return { file: s.file, count: s.count, query: s.query, kept, missing };
  };

/** The relation files, in the order they are written. */
const LINK_STEPS = [
  step({
    file: 'broaderRelationsSkillPillar.csv',
    count: 'skillBroader',
    query: 'import/merge-skill-broader',
    columns: ['conceptUri', 'broaderUri'],
    row: (r) => ({ from: r.conceptUri, to: r.broaderUri }),
    ends: (r) => [
      [r.from, 'skill'],
      [r.to, 'skill'],
    ],
  }),
  step({
    file: 'skillSkillRelations.csv',
    count: 'skillRelated',
    query: 'import/merge-skill-related',
    columns: ['originalSkillUri', 'relatedSkillUri', 'relationType'],
    row: (r) => ({
      from: r.originalSkillUri,
      to: r.relatedSkillUri,
      essential: r.relationType === 'essential',
    }),
    ends: (r) => [
      [r.from, 'skill'],
      [r.to, 'skill'],
    ],
  }),
  step({
    file: 'broaderRelationsOccPillar.csv',
    count: 'jobRoleBroader',
    query: 'import/merge-job-role-broader',
    columns: ['conceptUri', 'broaderUri'],
    row: (r) => ({ from: r.conceptUri, to: r.broaderUri }),
    ends: (r) => [
      [r.from, 'role'],
      [r.to, 'role'],
    ],
  }),
  step({
    file: 'occupationSkillRelations.csv',
    count: 'requiredSkills',
    query: 'import/merge-job-role-skills',
    columns: ['occupationUri', 'skillUri', 'relationType'],
    row: (r) => ({
      roleId: r.occupationUri,
      skillId: r.skillUri,
      essential: r.relationType === 'essential',
      importance: r.relationType === 'essential' ? 1 : 0.5,
      level: 2,
    }),
    ends: (r) => [
      [r.roleId, 'role'],
      [r.skillId, 'skill'],
    ],
  }),
];

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
  const { write, counts, dangling, report } = importRun(db, progress);

  const { skills, groups, notReleased, typeMissing } = readEscoSkills(dir);
  counts.skillsNotReleased = notReleased;
  counts.skillTypeMissing = typeMissing;
  counts.skillHiddenLabels = skills.filter((s) => s.hiddenLabels.length > 0).length;
  counts.skills = await write('import/upsert-skills', skills);
  counts.skillGroups = await write('import/upsert-skills', groups);

  const roles = readEscoOccupations(dir);
  counts.occupationsNotReleased = roles.notReleased;
  counts.occupations = await write('import/upsert-job-roles', roles.occupations);
  counts.iscoGroups = await write('import/upsert-job-roles', roles.isco);

  const known: Known = {
    skill: new Set([...skills, ...groups].map((s) => s.id)),
    role: new Set([...roles.occupations, ...roles.isco].map((o) => o.id)),
  };
  for (const read of LINK_STEPS) {
    const { file, count, query, kept, missing } = read(dir, known);
    dangling[file] = missing;
    counts[count] = await write(query, kept);
  }
  return report('ESCO v1.1 CSV');
}
