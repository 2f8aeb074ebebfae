import {
  CredentialStatus,
  CredentialType,
  type Credential,
} from '../../src/credential/credential.type';
import { Framework, SkillType, type Skill } from '../../src/skill/skill.type';

/** A credential with sensible defaults for rule tables; `id` is `p:<externalId>`. */
export function credential(id: string, overrides: Partial<Credential> = {}): Credential {
  const [providerId, externalId] = id.includes(':') ? id.split(':') : ['p', id];
  return {
    id: `${providerId}:${externalId}`,
    externalId: externalId!,
    providerId: providerId!,
    title: `Course ${externalId}`,
    credentialType: CredentialType.MICROCREDENTIAL,
    status: CredentialStatus.ACTIVE,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A taxonomy skill with the given id and label. */
export function skill(id: string, label = id): Skill {
  return { id, label, altLabels: [], skillType: SkillType.SKILL, framework: Framework.ESCO };
}
