import fs from 'node:fs';
import path from 'node:path';
import { SYSTEM_ADMIN } from '../src/auth/auth.service';
import { CredentialInput } from '../src/credential/credential.inputs';
import { credentialId } from '../src/credential/credential.rules';
import { customSkillId } from '../src/credential/taught-skills';
import type { CredentialType, DeliveryMode } from '../src/credential/credential.type';
import { JobRoleInput } from '../src/job-role/job-role.inputs';
import { projectRoot } from '../src/lib/paths';
import type { ProviderKind } from '../src/provider/provider.type';
import type { Services } from '../src/services';
import { SkillInput } from '../src/skill/skill.inputs';
import type { Framework, SkillType } from '../src/skill/skill.type';
import type { SkillSource } from '../src/learner/learner.type';
import { present } from '../src/lib/present';

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

export const demoFreeTextFile = path.join(projectRoot, 'seed', 'demo-free-text.json');

/** The shape of seed/demo-free-text.json: a provider that gives its skills in its own words. */
export interface DemoFreeText {
  provider: { id: string; name: string; kind: ProviderKind; country: string; website: string };
  credentials: ({
    externalId: string;
    credentialType: CredentialType;
    deliveryMode: DeliveryMode;
    skills: { label: string; level: number }[];
  } & Record<string, unknown>)[];
  /** [label, taxonomy skill id]: custom skills the provider maps after registering. */
  mappings: [string, string][];
}

export function readDemoFreeText(file = demoFreeTextFile): DemoFreeText {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFreeText;
}

/**
 * Registers the free-text part of the demo as its provider would: credentials with skills by label
 * (confident matches link ESCO skills, the rest become the provider's custom skills), then maps
 * the custom skills it lists. Loading twice changes nothing.
 */
export async function loadDemoFreeText(
  services: Services,
  demo = readDemoFreeText(),
): Promise<void> {
  const admin = SYSTEM_ADMIN;
  const [known] = await services.repositories.provider.findByIds([demo.provider.id]);
  if (!known) await services.provider.register(admin, demo.provider);
  for (const c of demo.credentials) {
    const input = Object.assign(new CredentialInput(), { ...c, providerId: demo.provider.id });
    await services.credential.register(admin, input);
  }
  for (const [label, skillId] of demo.mappings) {
    await services.credential.mapCustomSkill(
      admin,
      present(customSkillId(demo.provider.id, label), `the custom id of "${label}"`),
      skillId,
    );
  }
}

/**
 * Loads the demo catalogue through the same use cases the API runs, acting as the registry's own
 * admin: skills, job roles, providers, credentials with their links, equivalences, learners, and
 * the free-text part (seed/demo-free-text.json). Every step is an upsert or is skipped when already
 * done, so loading twice changes nothing.
 */
export async function loadDemoCatalogue(
  services: Services,
  catalogue = readDemoCatalogue(),
  freeText: DemoFreeText | null = readDemoFreeText(),
): Promise<void> {
  const admin = SYSTEM_ADMIN;
  await services.skill.upsert(
    admin,
    catalogue.skills.map((s) => Object.assign(new SkillInput(), s)),
  );
  for (const role of catalogue.jobRoles) {
    await services.jobRole.upsert(admin, Object.assign(new JobRoleInput(), role));
  }
  const known = new Set(
    (await services.repositories.provider.findByIds(catalogue.providers.map((p) => p.id))).map(
      (p) => p.id,
    ),
  );
  for (const provider of catalogue.providers) {
    if (!known.has(provider.id)) await services.provider.register(admin, provider);
  }
  for (const { status, ...c } of catalogue.credentials) {
    const input = Object.assign(new CredentialInput(), c);
    const { credential } = await services.credential.register(admin, input);
    if (status === 'RETIRED') await services.credential.retire(admin, credential.id);
  }
  // Links and declarations are merged, so adding them again changes nothing.
  for (const [id, prerequisiteId] of catalogue.prerequisites) {
    await services.credential.addPrerequisite(admin, id, prerequisiteId);
  }
  for (const [partId, wholeId, required] of catalogue.parts) {
    await services.credential.addPart(admin, partId, wholeId, required);
  }
  for (const [id, otherId, note] of catalogue.equivalences) {
    await services.credential.declareEquivalence(admin, id, otherId, note);
  }
  // Demo learners get unguessable ids and grant the providers of their awards.
  const providerOf = new Map(
    catalogue.credentials.map((c) => [credentialId(c.providerId, c.externalId), c.providerId]),
  );
  const ids = await services.registry.demoLearnerIds(catalogue.learners.map((l) => l.id));
  for (const learner of catalogue.learners) {
    await services.learner.importRecord(admin, {
      ...learner,
      id: present(ids.get(learner.id), `the demo id of ${learner.id}`),
      grants: [
        ...new Set(
          learner.achievements.map((a) =>
            present(providerOf.get(a.credentialId), `the provider of ${a.credentialId}`),
          ),
        ),
      ],
    });
  }
  if (freeText) await loadDemoFreeText(services, freeText);
  // The demo is whole when its custom skills are placed too (vectors, proposals, groups).
  await services.credential.settled();
}

/** Loads the demo catalogue into an empty registry (no providers yet); says whether it did. */
export async function seedDemoIfEmpty(services: Services): Promise<boolean> {
  const counts = await services.registry.countNodes();
  if (counts.providers > 0 || counts.credentials > 0) return false;
  const started = Date.now();
  await loadDemoCatalogue(services);
  services.logger.info('demo catalogue loaded', { ms: Date.now() - started });
  return true;
}
