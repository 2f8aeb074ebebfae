import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database';
import { parseCsv, withColumns } from '../lib/csv';
import { Framework, SkillType } from '../skill/skill.type';
import {
  importRun,
  keepResolved,
  type ImportReport,
  type ProgressListener,
} from './import.repository';
import { ratedRequirements, technologyRequirements, type RatingRow } from './onet-rules';

/** Reads an O*NET tab-separated text file into records of the columns asked for (withColumns). */
function readTsv<C extends string>(
  dir: string,
  file: string,
  columns: readonly C[],
): Record<C, string>[] {
  const full = path.join(dir, file);
  if (!fs.existsSync(full))
    throw new Error(`${full} is missing: point the importer at the O*NET 29.x text files.`);
  const [header, ...lines] = fs
    .readFileSync(full, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const names = (header ?? '').split('\t');
  const rows = lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
  return withColumns(rows, columns, full);
}

export { onetImportance, onetLevel } from './onet-rules';

/** The columns of Technology Skills.txt the importer reads. */
const TECH_COLUMNS = [
  'O*NET-SOC Code',
  'Commodity Code',
  'Example',
  'Hot Technology',
  'In Demand',
] as const;

/**
 * O*NET's skills and knowledge elements (2.A-2.C, with their content-model parents) and its
 * technologies: UNSPSC commodities under their class, family and segment, with the example product
 * names as alternative labels. Also the technology rows, which the requirements read.
 */
export function readOnetSkills(dir: string) {
  return { ...readOnetElements(dir), ...readOnetTechnologies(dir) };
}

/** Skills (2.A, 2.B) and knowledge (2.C) with their content-model parents. */
function readOnetElements(dir: string) {
  const model = readTsv(dir, 'Content Model Reference.txt', [
    'Element ID',
    'Element Name',
    'Description',
  ]).filter((r) => /^2\.[ABC]/.test(r['Element ID']));
  const modelIds = new Set(model.map((r) => r['Element ID']));
  const hasChildren = new Set(model.map((r) => r['Element ID'].split('.').slice(0, -1).join('.')));
  const elements = model.map((r) => {
    const id = r['Element ID'];
    return {
      id,
      label: r['Element Name'],
      altLabels: [] as string[],
      skillType: hasChildren.has(id)
        ? SkillType.GROUP
        : id.startsWith('2.C')
          ? SkillType.KNOWLEDGE
          : SkillType.SKILL,
      framework: Framework.ONET,
      description: r.Description || null,
    };
  });
  const elementBroader = model
    .map((r) => ({
      from: r['Element ID'],
      to: r['Element ID'].split('.').slice(0, -1).join('.'),
    }))
    .filter((l) => modelIds.has(l.to));
  return { elements, elementBroader };
}

/**
 * Technology: UNSPSC commodity -> class -> family -> segment, the examples as alternative labels;
 * and the technology rows, which the requirements read.
 */
function readOnetTechnologies(dir: string) {
  const unspsc = readTsv(dir, 'UNSPSC Reference.txt', [
    'Commodity Code',
    'Commodity Title',
    'Class Code',
    'Class Title',
    'Family Code',
    'Family Title',
    'Segment Code',
    'Segment Title',
  ]);
  const tech = readTsv(dir, 'Technology Skills.txt', TECH_COLUMNS);
  const examples = new Map<string, Set<string>>();
  for (const t of tech) {
    const set = examples.get(t['Commodity Code']) ?? new Set<string>();
    if (set.size < 50) set.add(t.Example);
    examples.set(t['Commodity Code'], set);
  }
  const used = new Set(tech.map((t) => t['Commodity Code']));
  const techSkills = new Map<
    string,
    {
      id: string;
      label: string;
      altLabels: string[];
      skillType: SkillType;
      framework: Framework;
      description: null;
    }
  >();
  const techBroader: { from: string; to: string }[] = [];
  const add = (code: string, label: string, type: SkillType) =>
    techSkills.set(`unspsc:${code}`, {
      id: `unspsc:${code}`,
      label,
      altLabels: [...(examples.get(code) ?? [])],
      skillType: type,
      framework: Framework.ONET,
      description: null,
    });
  for (const u of unspsc) {
    if (!used.has(u['Commodity Code'])) continue;
    add(u['Commodity Code'], u['Commodity Title'], SkillType.TECHNOLOGY);
    add(u['Class Code'], u['Class Title'], SkillType.GROUP);
    add(u['Family Code'], u['Family Title'], SkillType.GROUP);
    add(u['Segment Code'], u['Segment Title'], SkillType.GROUP);
    techBroader.push(
      { from: `unspsc:${u['Commodity Code']}`, to: `unspsc:${u['Class Code']}` },
      { from: `unspsc:${u['Class Code']}`, to: `unspsc:${u['Family Code']}` },
      { from: `unspsc:${u['Family Code']}`, to: `unspsc:${u['Segment Code']}` },
    );
  }
  return {
    techSkills: [...techSkills.values()],
    techBroader: [...new Map(techBroader.map((l) => [`${l.from}>${l.to}`, l])).values()],
    tech,
  };
}

/** The O*NET occupations as job roles, with their job zones and up to 20 alternate titles. */
export function readOnetOccupations(dir: string) {
  const zones = new Map(
    readTsv(dir, 'Job Zones.txt', ['O*NET-SOC Code', 'Job Zone']).map((r) => [
      r['O*NET-SOC Code'],
      Number(r['Job Zone']),
    ]),
  );
  const alternates = new Map<string, string[]>();
  for (const r of readTsv(dir, 'Alternate Titles.txt', ['O*NET-SOC Code', 'Alternate Title'])) {
    const list = alternates.get(r['O*NET-SOC Code']) ?? [];
    if (list.length < 20) list.push(r['Alternate Title']);
    alternates.set(r['O*NET-SOC Code'], list);
  }
  return readTsv(dir, 'Occupation Data.txt', ['O*NET-SOC Code', 'Title', 'Description']).map(
    (r) => ({
      id: r['O*NET-SOC Code'],
      title: r.Title,
      altTitles: alternates.get(r['O*NET-SOC Code']) ?? [],
      description: r.Description || null,
      framework: Framework.ONET,
      code: r['O*NET-SOC Code'],
      jobZone: zones.get(r['O*NET-SOC Code']) ?? null,
    }),
  );
}

/**
 * The occupations' requirements: the IM and LV rows of one occupation and element make one link,
 * read with O*NET's quality columns; technology rows of one occupation and commodity make one link.
 */
function readOnetRequirements(dir: string, tech: Record<(typeof TECH_COLUMNS)[number], string>[]) {
  const ratings: RatingRow[] = ['Skills.txt', 'Knowledge.txt'].flatMap((file) =>
    readTsv(dir, file, [
      'O*NET-SOC Code',
      'Element ID',
      'Scale ID',
      'Data Value',
      'Recommend Suppress',
      'Not Relevant',
    ]).map((r) => ({
      roleId: r['O*NET-SOC Code'],
      elementId: r['Element ID'],
      scale: r['Scale ID'],
      value: Number(r['Data Value']),
      suppressed: r['Recommend Suppress'] === 'Y',
      notRelevant: r['Not Relevant'] === 'Y',
    })),
  );
  const rated = ratedRequirements(ratings);
  const technology = technologyRequirements(
    tech.map((t) => ({
      roleId: t['O*NET-SOC Code'],
      commodityCode: t['Commodity Code'],
      example: t.Example,
      hot: t['Hot Technology'] === 'Y',
      inDemand: t['In Demand'] === 'Y',
    })),
  );
  return { rated, technology };
}

/**
 * Imports O*NET 29.x: occupations (with job zones and alternate titles), skills and knowledge with
 * their content-model hierarchy and per-occupation importance and level, technology skills as
 * UNSPSC commodities under their class, family and segment, and related occupations.
 * Idempotent; links to codes absent from the files are reported, not written.
 */
export async function importOnet(
  db: Database,
  dir: string,
  progress?: ProgressListener,
): Promise<ImportReport> {
  const { write, counts, dangling, report } = importRun(db, progress);

  const occupations = readOnetOccupations(dir);
  counts.occupations = await write('import/upsert-job-roles', occupations);
  const roleIds = new Set(occupations.map((o) => o.id));

  const { elements, elementBroader, techSkills, techBroader, tech } = readOnetSkills(dir);
  counts.skillsAndKnowledge = await write('import/upsert-skills', elements);
  counts.technologies = await write('import/upsert-skills', techSkills);
  counts.skillBroader = await write('import/merge-skill-broader', [
    ...elementBroader,
    ...techBroader,
  ]);

  const { rated, technology } = readOnetRequirements(dir, tech);
  const missingCodes = new Set<string>();
  const requirementRows = [...rated.requirements, ...technology].filter((r) => {
    if (roleIds.has(r.roleId)) return true;
    missingCodes.add(r.roleId);
    return false;
  });
  counts.requiredSkills = await write('import/merge-job-role-skills', requirementRows);
  counts.essentialTechnologies = technology.filter((t) => t.essential).length;
  counts.unreliableRatings = rated.tally.suppressed;
  counts.notRelevantLeftOut = rated.tally.notRelevant;
  // A requirement an earlier import wrote that the files no longer give (such as a Not Relevant
  // element) is removed, so a re-import converges on what O*NET publishes.
  const byRole = new Map<string, string[]>();
  for (const r of requirementRows)
    byRole.set(r.roleId, [...(byRole.get(r.roleId) ?? []), r.skillId]);
  counts.staleRequirementsRemoved = await write(
    'import/prune-job-role-skills',
    [...roleIds].map((id) => ({ roleId: id, skillIds: byRole.get(id) ?? [] })),
  );
  dangling['Skills/Knowledge/Technology Skills.txt'] = [...missingCodes].sort();

  const related = keepResolved(
    readTsv(dir, 'Related Occupations.txt', [
      'O*NET-SOC Code',
      'Related O*NET-SOC Code',
      'Relatedness Tier',
      'Index',
    ]).map((r) => ({
      from: r['O*NET-SOC Code'],
      to: r['Related O*NET-SOC Code'],
      tier: r['Relatedness Tier'] || null,
      rank: Number(r.Index) || null,
    })),
    (r) => [
      [r.from, roleIds],
      [r.to, roleIds],
    ],
  );
  counts.relatedRoles = await write('import/merge-related-roles', related.kept);
  dangling['Related Occupations.txt'] = related.missing;

  return report('O*NET 29.x text');
}

const CROSSWALK_COLUMNS = ['concept_uri', 'onet_code', 'confidence'] as const;

/**
 * Links ESCO occupations to O*NET-SOC occupations from the Nesta ESCO-O*NET crosswalk CSV
 * (EQUIVALENT_ROLE, with its confidence). Codes absent from the registry (2010 codes that O*NET-SOC
 * 2019 dropped, or taxonomies not imported) are reported.
 */
export async function importCrosswalk(
  db: Database,
  file: string,
  progress?: ProgressListener,
): Promise<ImportReport> {
  const { write, counts, dangling, report } = importRun(db, progress);
  const rows = withColumns(parseCsv(fs.readFileSync(file, 'utf8')), CROSSWALK_COLUMNS, file);
  const ids = new Set((await db.read<{ id: string }>('import/find-job-role-ids')).map((r) => r.id));
  const links = keepResolved(
    rows.map((r) => ({
      from: r.concept_uri,
      to: r.onet_code,
      source: 'Nesta ESCO-O*NET crosswalk 2020',
      confidence: Number(r.confidence) || null,
    })),
    (r) => [
      [r.from, ids],
      [r.to, ids],
    ],
  );
  counts.equivalentRoles = await write('import/merge-equivalent-roles', links.kept);
  dangling[path.basename(file)] = links.missing;
  return report('ESCO-O*NET crosswalk');
}
