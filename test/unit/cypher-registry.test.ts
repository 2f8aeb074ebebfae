import { expandIncludes, compactText } from '../../src/db/cypher-registry';

describe('Cypher fragments', () => {
  const fragments = new Map([
    ['filter', 'c.a = $a AND /*include:deeper*/\n'],
    ['deeper', 'c.b = $b'],
    ['loop', '/*include:loop*/'],
  ]);

  it('replaces each include with its fragment, nested ones too, and records what it used', () => {
    const used = new Set<string>();
    expect(expandIncludes('MATCH (c) WHERE /*include:filter*/ RETURN c', fragments, used)).toBe(
      'MATCH (c) WHERE c.a = $a AND c.b = $b RETURN c',
    );
    expect([...used].sort()).toEqual(['deeper', 'filter']);
  });

  it('leaves text without includes as it is, ordinary comments included', () => {
    const text = '// one query\nMATCH (c) /* a comment */ RETURN c';
    expect(expandIncludes(text, fragments)).toBe(text);
  });

  it('refuses an unknown or circular include', () => {
    expect(() => expandIncludes('/*include:nothing*/', fragments)).toThrow(
      /Unknown Cypher fragment/,
    );
    expect(() => expandIncludes('/*include:loop*/', fragments)).toThrow(/Circular/);
  });
});

describe('query text', () => {
  it('drops whole-line comments and indentation, and keeps the rest', () => {
    expect(compactText('// what it does\nMATCH (c)\n  // why\n\n  RETURN c // inline stays')).toBe(
      'MATCH (c)\nRETURN c // inline stays',
    );
  });
});
