import fs from 'node:fs';
import path from 'node:path';
import { contentHash, credentialId, propsOf } from '../src/credential/credential.service';
import {
  CredentialStatus,
  type CredentialType,
  type DeliveryMode,
} from '../src/credential/credential.type';
import { projectRoot } from '../src/lib/paths';
import type { ProviderKind } from '../src/provider/provider.type';
import type { Services } from '../src/server/services';
import type { Framework, SkillType } from '../src/skill/skill.type';
import type { SkillSource } from '../src/learner/learner.type';

export const demoCatalogueFile = path.join(projectRoot, 'seed', 'demo-catalogue.json');

/** The shape of seed/demo-catalogue.json (written by seed/tools/curate-demo-catalogue.py). */
export interface DemoCatalogue {
  skills: {
    id: string;
    label: string;
    altLabels: string[];
    skillType: SkillType;
    framework: Framework;
    description: string | null;
    broader: string[];
    related: { skillId: string; essential: boolean }[];
  }[];
  jobRoles: {
    id: string;
    title: string;
    altTitles: string[];
    description: string | null;
    framework: Framework;
    code: string | null;
    requiredSkills: { skillId: string; essential: boolean; importance: number; level: number }[];
  }[];
  providers: { id: string; name: string; kind: ProviderKind; country: string; website: string }[];
  credentials: ({
    providerId: string;
    externalId: string;
    credentialType: CredentialType;
    deliveryMode: DeliveryMode;
    status?: 'ACTIVE' | 'RETIRED';
    skills: { skillId: string; level: number }[];
    preparesFor: string[];
  } & Record<string, unknown>)[];
  prerequisites: [string, string][];
  parts: [string, string, boolean][];
  equivalences: [string, string, string][];
  learners: {
    id: string;
    displayName: string;
    achievements: { credentialId: string; issuedAt: string; expiresAt: string | null }[];
    skills: { skillId: string; level: number; source: SkillSource }[];
  }[];
}

export function readDemoCatalogue(file = demoCatalogueFile): DemoCatalogue {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoCatalogue;
}

/**
 * Loads the demo catalogue in one transaction through the same repositories the API uses. Every
 * write is an upsert, so loading twice changes nothing.
 */
export async function loadDemoCatalogue(
  services: Services,
  catalogue = readDemoCatalogue(),
): Promise<void> {
  const r = services.repositories;
  await services.db.writeTransaction(async (tx) => {
    await r.skill.upsertMany(
      tx,
      catalogue.skills.map(({ broader: _b, related: _r, ...skill }) => skill),
    );
    await r.skill.replaceLinks(
      tx,
      catalogue.skills.map((s) => ({ id: s.id, broader: s.broader, related: s.related })),
    );
    for (const { requiredSkills, ...role } of catalogue.jobRoles) {
      await r.jobRole.upsert(tx, { ...role, jobZone: null }, requiredSkills);
    }
    for (const provider of catalogue.providers) await r.provider.create(tx, provider);
    for (const c of catalogue.credentials) {
      const props = propsOf(c);
      const id = credentialId(c.providerId, c.externalId);
      const hash = contentHash(props, c.skills, c.preparesFor);
      const result = await r.credential.upsert(
        tx,
        { providerId: c.providerId, externalId: c.externalId, id },
        props,
        hash,
      );
      if (result.changed) {
        await r.credential.replaceSkills(tx, id, c.skills);
        await r.credential.replaceJobRoles(tx, id, c.preparesFor);
      }
      if (c.status === 'RETIRED' && result.node.status !== CredentialStatus.RETIRED) {
        await r.credential.setStatus(tx, id, CredentialStatus.RETIRED);
      }
    }
    for (const [id, prerequisiteId] of catalogue.prerequisites)
      await r.credential.linkPrerequisite(tx, id, prerequisiteId);
    for (const [partId, wholeId, required] of catalogue.parts)
      await r.credential.linkPart(tx, partId, wholeId, required);
    for (const [id, otherId, note] of catalogue.equivalences)
      await r.credential.declareEquivalence(tx, id, otherId, note);
    for (const learner of catalogue.learners) {
      await r.learner.create(tx, learner.id, learner.displayName);
      for (const a of learner.achievements) {
        await r.learner.recordAchievement(tx, {
          learnerId: learner.id,
          ...a,
          issuedBy: 'demo-seed',
        });
      }
      for (const s of learner.skills)
        await r.learner.setSkill(tx, learner.id, s.skillId, s.level, s.source);
    }
  });
}

/** Loads the demo catalogue into an empty registry (no providers yet); says whether it did. */
export async function seedDemoIfEmpty(services: Services): Promise<boolean> {
  const counts = await services.repositories.registry.countNodes();
  if (counts.providers > 0 || counts.credentials > 0) return false;
  const started = Date.now();
  await loadDemoCatalogue(services);
  services.logger.info('demo catalogue loaded', { ms: Date.now() - started });
  return true;
}
