import {
  checkFields,
  contentHash,
  credentialId,
  dedupeSkills,
  isMutual,
  propsOf,
  PROPERTY_NAMES,
} from '../../src/credential/credential.rules';

describe('credential rules', () => {
  it('makes the registry id from the provider and its own id', () => {
    expect(credentialId('uni', 'ds-101')).toBe('uni:ds-101');
  });

  it('lists every provider-controlled property, null when unset', () => {
    const props = propsOf({ title: 'T', hours: 10 });
    expect(Object.keys(props)).toEqual([...PROPERTY_NAMES]);
    expect(props).toMatchObject({ title: 'T', hours: 10, price: null, url: null });
  });

  describe('contentHash', () => {
    const props = propsOf({ title: 'T', hours: 10 });
    const skills = [
      { skillId: 'a', level: 2 },
      { skillId: 'b', level: 3 },
    ];

    it('ignores the order of skills and job roles and repeated job roles', () => {
      expect(contentHash(props, skills, ['r1', 'r2'])).toBe(
        contentHash(props, [...skills].reverse(), ['r2', 'r1', 'r2']),
      );
    });

    it.each([
      ['a property', propsOf({ title: 'T', hours: 11 }), skills, ['r1', 'r2']],
      ['a skill level', props, [{ skillId: 'a', level: 3 }, skills[1]!], ['r1', 'r2']],
      ['a job role', props, skills, ['r1']],
    ])('changes with %s', (_name, p, s, roles) => {
      expect(contentHash(p, s, roles)).not.toBe(contentHash(props, skills, ['r1', 'r2']));
    });
  });

  it('keeps one entry per skill at its highest level', () => {
    expect(
      dedupeSkills([
        { skillId: 'a', level: 2 },
        { skillId: 'b', level: 1 },
        { skillId: 'a', level: 4 },
      ]),
    ).toEqual([
      { skillId: 'a', level: 4 },
      { skillId: 'b', level: 1 },
    ]);
  });

  it.each([
    [{ price: 10 }, true],
    [{ price: 10, currency: 'EUR' }, false],
    [{ price: 0 }, true],
    [{ price: null }, false],
    [{}, false],
  ])('a price needs its currency: %j refused=%s', (fields, refused) => {
    if (refused) expect(() => checkFields(fields)).toThrow(/currency/);
    else expect(() => checkFields(fields)).not.toThrow();
  });

  it.each([
    [['a', 'b'], 'a', 'b', true],
    [['a'], 'a', 'b', false],
    [['b'], 'a', 'b', false],
    [['a'], 'a', 'a', false],
  ])('asserted by %j, %s vs %s: mutual=%s', (by, pa, pb, mutual) => {
    expect(isMutual(by, { providerId: pa }, { providerId: pb })).toBe(mutual);
  });
});
