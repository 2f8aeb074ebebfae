import {
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import {
  connectionNodes,
  credentialWants,
  subfields,
  wantsAnything,
} from '../../src/lib/lookahead';

/** The root field of a query and its fragments, as a resolver's info would hold them. */
function root(query: string) {
  const doc = parse(query);
  const op = doc.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return { info: { fragments }, field: op.selectionSet.selections[0] as FieldNode };
}

describe('lookahead', () => {
  it('merges fields from aliases, inline fragments and fragment spreads', () => {
    const { info, field } =
      root(`{ credential(id: "x") { a: skills { level } ... on Credential { provider { id } }
      ...More } } fragment More on Credential { skills { skill { id } } prerequisites { id } }`);
    const fields = subfields(info, [field]);
    expect([...fields.keys()].sort()).toEqual(['prerequisites', 'provider', 'skills']);
    expect(fields.get('skills')).toHaveLength(2);
  });

  it('reads what a page of credentials asks for, two levels deep', () => {
    const { info, field } = root(`{ credentials { edges { node { provider { name } } }
      nodes { skills { skill { broader { id } } } prerequisites { skills { level } } partOf { credential { provider { id } } } } } }`);
    const wants = credentialWants(info, connectionNodes(info, [field]));
    expect(wants).toEqual({
      provider: true,
      skills: true,
      skillDetail: false,
      skillBroader: true,
      jobRoles: false,
      prerequisites: { provider: false, skills: true },
      parts: null,
      wholes: { provider: true, skills: false },
    });
    expect(wantsAnything(wants)).toBe(true);
  });

  it('asks for skill descriptions and alternative labels only where some skill selects them', () => {
    const plain = root(`{ credential(id: "x") { skills { skill { label } } } }`);
    expect(credentialWants(plain.info, [plain.field]).skillDetail).toBe(false);
    const deep = root(
      `{ credential(id: "x") { prerequisites { skills { skill { altLabels } } } } }`,
    );
    expect(credentialWants(deep.info, [deep.field]).skillDetail).toBe(true);
    const broader = root(
      `{ credential(id: "x") { skills { skill { broader { description } } } } }`,
    );
    expect(credentialWants(broader.info, [broader.field]).skillDetail).toBe(true);
  });

  it('asks for nothing when only scalar fields are selected', () => {
    const { info, field } = root(`{ credential(id: "x") { id title hours } }`);
    const wants = credentialWants(info, [field]);
    expect(wantsAnything(wants)).toBe(false);
  });

  it('asks for linked credentials even when only their ids are selected', () => {
    const { info, field } = root(
      `{ credential(id: "x") { parts { required credential { id } } } }`,
    );
    expect(credentialWants(info, [field]).parts).toEqual({ provider: false, skills: false });
  });
});
