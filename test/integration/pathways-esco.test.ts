import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../src/lib/csv';
import { projectRoot } from '../../src/lib/paths';
import { Framework, SkillType } from '../../src/skill/skill.type';
import type { TestRegistry } from '../helpers/registry';
import { startRegistryWithAdmin } from '../helpers/fixtures';

const esco = path.resolve(projectRoot, '..', 'shared', 'data', 'esco-v1.1.1-en');
const read = (file: string) => parseCsv(fs.readFileSync(path.join(esco, file), 'utf8'));

/** Real ESCO v1.1.1: an occupation's essential skills, their narrower skills and the hierarchy between them. */
describe('skill gaps on real ESCO data', () => {
  let registry: TestRegistry;
  let roleId: string;
  let essential: string[];
  const children = new Map<string, string[]>();

  beforeAll(async () => {
    registry = await startRegistryWithAdmin();
    const skills = new Map(read('classification/skills_en.csv').map((r) => [r.conceptUri!, r]));
    const occupation = read('classification/occupations_en.csv').find(
      (o) => o.preferredLabel === 'data analyst',
    )!;
    roleId = occupation.conceptUri!;
    const links = read('relations/occupationSkillRelations.csv').filter(
      (l) => l.occupationUri === roleId && skills.has(l.skillUri!),
    );
    essential = links.filter((l) => l.relationType === 'essential').map((l) => l.skillUri!);
    const required = new Set(links.map((l) => l.skillUri!));
    const broader = read('relations/broaderRelationsSkillPillar.csv').filter(
      (b) => skills.has(b.conceptUri!) && skills.has(b.broaderUri!),
    );
    for (const b of broader) {
      if (required.has(b.broaderUri!))
        children.set(b.broaderUri!, [...(children.get(b.broaderUri!) ?? []), b.conceptUri!]);
    }
    const loaded = new Set([...required, ...[...children.values()].flat()]);
    const r = registry.services.repositories;
    await registry.services.db.writeTransaction(async (tx) => {
      await r.skill.upsertMany(
        tx,
        [...loaded].map((id) => {
          const s = skills.get(id)!;
          return {
            id,
            label: s.preferredLabel!,
            altLabels: s.altLabels!.split('\n').filter(Boolean),
            skillType: s.skillType === 'knowledge' ? SkillType.KNOWLEDGE : SkillType.SKILL,
            framework: Framework.ESCO,
            description: s.description ?? null,
          };
        }),
      );
      await r.skill.replaceLinks(
        tx,
        [...loaded].map((id) => ({
          id,
          broader: broader
            .filter((b) => b.conceptUri === id && loaded.has(b.broaderUri!))
            .map((b) => b.broaderUri!),
          related: [],
        })),
      );
      await r.jobRole.upsert(
        tx,
        {
          id: roleId,
          title: occupation.preferredLabel!,
          altTitles: [],
          description: null,
          framework: Framework.ESCO,
          code: occupation.code ?? null,
          jobZone: null,
        },
        links.map((l) => ({
          skillId: l.skillUri!,
          essential: l.relationType === 'essential',
          importance: l.relationType === 'essential' ? 1 : 0.5,
          level: 2,
        })),
      );
    });
  });
  afterAll(() => registry.stop());

  const GAP = `query($r: ID!, $s: [HeldSkillInput!]) { skillGap(roleId: $r, skills: $s) {
    essentialCoverage missing { skill { id } } covered { skill { id } coveredBy { exact skill { id } } } } }`;

  it('finds no essential gap for a learner holding every essential skill', async () => {
    expect(essential.length).toBeGreaterThan(10);
    const res = await registry.gql(GAP, {
      r: roleId,
      s: essential.map((skillId) => ({ skillId, level: 2 })),
    });
    expect(res.data.skillGap.missing).toEqual([]);
    expect(res.data.skillGap.essentialCoverage).toBe(1);
  });

  it('still covers the requirements when the learner holds only narrower skills of them', async () => {
    const withChildren = essential.filter((id) => children.has(id));
    expect(withChildren.length).toBeGreaterThan(0);
    const held = essential.map((id) => ({ skillId: children.get(id)?.[0] ?? id, level: 2 }));
    const res = await registry.gql(GAP, { r: roleId, s: held });
    expect(res.data.skillGap.missing).toEqual([]);
    const viaNarrower = res.data.skillGap.covered.filter((c: any) => !c.coveredBy.exact);
    expect(viaNarrower.map((c: any) => c.skill.id).sort()).toEqual([...withChildren].sort());
  });

  it('reports the gap of a learner who holds half the essential skills, hierarchy included', async () => {
    const half = essential.slice(0, Math.floor(essential.length / 2));
    const res = await registry.gql(GAP, {
      r: roleId,
      s: half.map((skillId) => ({ skillId, level: 2 })),
    });
    // A requirement that has a held requirement among its narrower skills is covered too.
    const expected = essential
      .slice(half.length)
      .filter((id) => !(children.get(id) ?? []).some((child) => half.includes(child)));
    expect(res.data.skillGap.missing.map((m: any) => m.skill.id).sort()).toEqual(expected.sort());
  });
});
