import {
  print,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  parse,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { createEventBus } from '../../src/lib/event-bus';
import { checkCost, multiplierOf, queryCost } from '../../src/server/query-limits';
import { buildRegistrySchema } from '../../src/server/schema';
import type { RegistryEventTopics } from '../../src/services';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildRegistrySchema(createEventBus<RegistryEventTopics>());
});

const cost = (query: string, variables?: Record<string, unknown>) =>
  queryCost(schema, parse(query), variables, undefined);

describe('the cost model', () => {
  it('costs one parsed document again for other variables, and the same for the same ones', () => {
    const document = parse(
      `query($n: Int!) { credentials(first: $n) { nodes { id provider { id } } } }`,
    );
    const small = queryCost(schema, document, { n: 2 }, undefined);
    const large = queryCost(schema, document, { n: 50 }, undefined);
    expect(large).toBeGreaterThan(small);
    expect(queryCost(schema, document, { n: 2 }, undefined)).toBe(small);
    expect(queryCost(schema, parse(print(document)), { n: 50 }, undefined)).toBe(large);
  });

  it('gives every list of objects a bound: a first argument or a declared maxItems', () => {
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        if (isLeafType(getNamedType(field.type))) continue;
        if (type.name.endsWith('Connection')) continue;
        const first = field.args.some((a) => a.name === 'first');
        const declared = typeof (field.extensions as { maxItems?: unknown }).maxItems === 'number';
        if (!first && !declared) unbounded.push(`${type.name}.${field.name}`);
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('counts a single object as 1 and a scalar as 0', () => {
    expect(cost('{ registry { skills } }')).toBe(1);
    expect(cost('{ skill(id: "x") { id label } }')).toBe(1);
  });

  it('multiplies a connection by its first, and nothing more for its nodes', () => {
    expect(cost('{ credentials(first: 10) { nodes { id } } }')).toBe(10 * (1 + 1));
    expect(cost('{ credentials(first: 10) { nodes { provider { id } } } }')).toBe(10 * (1 + 2));
  });

  it('multiplies a list by its declared bound when it takes no first', () => {
    // Skill.broader declares at most 20 items.
    expect(cost('{ skill(id: "x") { broader { id } } }')).toBe(1 + 20);
    expect(cost('{ skill(id: "x") { broader { broader { id } } } }')).toBe(1 + 20 * (1 + 20));
  });

  it('uses first from variables and defaults', () => {
    expect(
      cost('query($n: Int!) { skill(id: "x") { narrower(first: $n) { id } } }', { n: 3 }),
    ).toBe(1 + 3);
    // narrower defaults to first: 100.
    expect(cost('{ skill(id: "x") { narrower { id } } }')).toBe(1 + 100);
  });

  it('adds the base cost a headline query or a mutation declares', () => {
    expect(cost('{ skillGap(roleId: "r", skills: []) { coverage } }')).toBe(200 + 1);
    expect(cost('mutation { createLearner { apiKey } }')).toBe(20 + 1);
  });

  it('grows with aliases', () => {
    const one = cost('{ a: skillGap(roleId: "r", skills: []) { coverage } }');
    const three = cost(
      '{ a: skillGap(roleId: "r", skills: []) { coverage } b: skillGap(roleId: "r", skills: []) { coverage } c: skillGap(roleId: "r", skills: []) { coverage } }',
    );
    expect(three).toBe(3 * one);
  });

  it('refuses over the limit with QUERY_TOO_COMPLEX and the computed cost', () => {
    const document = parse('{ skill(id: "x") { broader { broader { broader { id } } } } }');
    expect(() => checkCost({ maxCost: 100 }, schema, document, undefined, undefined)).toThrow(
      expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }),
    );
    expect(checkCost({ maxCost: 1_000_000 }, schema, document, undefined, undefined)).toBe(
      1 + 20 * (1 + 20 * (1 + 20)),
    );
  });

  it('costs variables that do not coerce at nothing (execution refuses them)', () => {
    expect(cost('query($n: Int!) { search(text: "x", first: $n) { score } }', { n: 'z' })).toBe(0);
  });

  it('knows a connection field repeats by first and its nodes do not repeat again', () => {
    const credentials = schema.getQueryType()!.getFields().credentials!;
    expect(multiplierOf(credentials, 'Query', { first: 7 })).toBe(7);
    const connection = schema.getType('CredentialConnection') as GraphQLObjectType;
    const nodes = connection.getFields().nodes!;
    expect(multiplierOf(nodes, 'CredentialConnection', {})).toBe(1);
  });
});
