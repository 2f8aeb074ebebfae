import { CredentialType, DeliveryMode } from '../../src/credential/credential.type';
import { ProviderKind, type Provider } from '../../src/provider/provider.type';
import { ctidFor, fromCtdl, toCtdl } from '../../src/standards/ctdl';
import { fromOpenBadge, toOpenBadge, type ExportInput } from '../../src/standards/open-badges';
import { credential, skill } from './fixtures';

const BASE = 'https://registry.example.org';

const provider: Provider = Object.assign({} as Provider, {
  id: 'uni',
  name: 'University',
  kind: ProviderKind.UNIVERSITY,
  country: 'DE',
  website: 'https://uni.example.org',
  createdAt: '2026-01-01T00:00:00.000Z',
});

function input(type: CredentialType): ExportInput {
  return {
    credential: credential('uni:ds-101', {
      credentialType: type,
      description: 'Data science basics.',
      providerLabel: 'Course',
      hours: 40,
      ects: 2,
      eqfLevel: 6,
      price: 300,
      currency: 'EUR',
      language: 'en',
      deliveryMode: DeliveryMode.ONLINE,
      assessmentType: 'Project',
      qualityAssurance: 'Accredited',
      url: 'https://uni.example.org/ds-101',
      validityMonths: 24,
    }),
    provider,
    skills: [
      { skill: skill('http://data.europa.eu/esco/skill/python'), level: 3 },
      { skill: skill('http://data.europa.eu/esco/skill/statistics'), level: 2 },
    ],
    jobRoles: [
      Object.assign(
        {},
        { id: 'http://data.europa.eu/esco/occupation/analyst', title: 'analyst' },
      ) as never,
    ],
    prerequisites: [credential('uni:intro')],
    wholes: [credential('uni:cert')],
    parts: [],
  };
}

const ALL_TYPES = Object.values(CredentialType);

describe('Open Badges 3.0 mapping', () => {
  it.each(ALL_TYPES)('round-trips a %s through an Achievement without losing a field', (type) => {
    const doc = toOpenBadge(input(type), BASE);
    expect(doc).toMatchObject({ type: ['Achievement'], name: 'Course ds-101' });
    const { draft, errors } = fromOpenBadge(doc);
    expect(errors).toEqual([]);
    expect(draft).toMatchObject({
      externalId: 'ds-101',
      credentialType: type,
      hours: 40,
      ects: 2,
      eqfLevel: 6,
      price: 300,
      currency: 'EUR',
      deliveryMode: DeliveryMode.ONLINE,
      validityMonths: 24,
      skills: [
        { skillId: 'http://data.europa.eu/esco/skill/python', level: 3 },
        { skillId: 'http://data.europa.eu/esco/skill/statistics', level: 2 },
      ],
      preparesFor: ['http://data.europa.eu/esco/occupation/analyst'],
    });
  });

  it.each([
    ['a document that is not an Achievement', { type: ['Profile'], name: 'x', id: 'x' }, /type/],
    ['an Achievement without a name', { type: ['Achievement'], id: 'x' }, /name/],
    ['an Achievement without an id', { type: ['Achievement'], name: 'x' }, /humanCode or id/],
  ])('reports %s instead of throwing', (_name, doc, problem) => {
    const { draft, errors } = fromOpenBadge(doc);
    expect(draft).toBeUndefined();
    expect(errors.join(' ')).toMatch(problem);
  });
});

describe('CTDL mapping', () => {
  it.each(ALL_TYPES)('round-trips a %s through a ceterms record', (type) => {
    const record = toCtdl(input(type), BASE);
    expect(record['ceterms:ctid']).toBe(ctidFor('uni:ds-101'));
    const { draft, errors } = fromCtdl(record);
    expect(errors).toEqual([]);
    expect(draft).toMatchObject({
      title: 'Course ds-101',
      hours: 40,
      ects: 2,
      eqfLevel: 6,
      price: 300,
      currency: 'EUR',
      deliveryMode: DeliveryMode.ONLINE,
      skills: [
        { skillId: 'http://data.europa.eu/esco/skill/python', level: 3 },
        { skillId: 'http://data.europa.eu/esco/skill/statistics', level: 2 },
      ],
      requires: [`${BASE}/credentials/uni%3Aintro`],
      isPartOf: [`${BASE}/credentials/uni%3Acert`],
    });
  });

  it('derives a stable CTID shaped like a UUID', () => {
    expect(ctidFor('uni:ds-101')).toBe(ctidFor('uni:ds-101'));
    expect(ctidFor('uni:ds-101')).toMatch(
      /^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(ctidFor('uni:ds-102')).not.toBe(ctidFor('uni:ds-101'));
  });

  it('reports a record of an unknown class instead of throwing', () => {
    const { draft, errors } = fromCtdl({ '@type': 'ceterms:Nonsense', 'ceterms:name': 'x' });
    expect(draft).toBeUndefined();
    expect(errors.join(' ')).toMatch(/@type/);
  });
});
