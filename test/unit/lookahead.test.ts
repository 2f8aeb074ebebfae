import {
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { planConnectionRead, READ_SHAPES } from '../../src/credential/credential.reads';
import {
  connectionNodes,
  projection,
  selectionsAt,
  subfields,
  type NodeShape,
} from '../../src/lib/lookahead';
import {
  credentialWants as wantsBelow,
  wantsAnything,
} from '../../src/credential/credential.wants';

const credentialWants = (info: Parameters<typeof wantsBelow>[0], nodes: FieldNode[]) =>
  wantsBelow(info, nodes, READ_SHAPES);

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
      skillBroader: true,
      jobRoles: false,
      prerequisites: { provider: false, skills: true },
      parts: null,
      wholes: { provider: true, skills: false },
      // Linked credentials (prerequisites and wholes) ask for no property of their own; skills
      // (taught and broader) for their id.
      fields: { linked: ['id', 'providerId'], skill: ['id'] },
    });
    expect(wantsAnything(wants)).toBe(true);
  });

  it('projects the skill properties some skill selection asks for, at every level it reaches', () => {
    const skillFields = (query: string) => {
      const { info, field } = root(query);
      return credentialWants(info, [field]).fields.skill;
    };
    expect(skillFields(`{ credential(id: "x") { skills { skill { label } } } }`)).toEqual([
      'id',
      'label',
    ]);
    expect(
      skillFields(`{ credential(id: "x") { prerequisites { skills { skill { altLabels } } } } }`),
    ).toEqual(['id', 'altLabels']);
    expect(
      skillFields(
        `{ credential(id: "x") { skills { skill { label broader { description } narrower { id } } } } }`,
      ),
    ).toEqual(['id', 'label', 'description']);
  });

  it('projects a node whole when a field outside its shape is asked, and ignores __typename', () => {
    const shape: NodeShape = {
      properties: new Set(['id', 'title']),
      links: new Set(['parts']),
      always: ['id'],
    };
    const lean = root(`{ credential(id: "x") { __typename title parts { id } } }`);
    expect(projection(lean.info, [lean.field], shape)).toEqual(['id', 'title']);
    const whole = root(`{ credential(id: "x") { title openBadge } }`);
    expect(projection(whole.info, [whole.field], shape)).toBeNull();
  });

  it('plans a page: the credential properties asked, and nothing below when nothing is asked', () => {
    const { info, field } = root(`{ credentials { nodes { id title } edges { node { hours } } } }`);
    expect(planConnectionRead(info, [field])).toEqual({
      nodeFields: ['id', 'providerId', 'title', 'hours'],
      want: null,
    });
    const exported = root(`{ credentials { nodes { title ctdl } } }`);
    expect(planConnectionRead(exported.info, [exported.field]).nodeFields).toBeNull();
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

  it('finds the selections at the end of field paths, through fragments', () => {
    const { info, field } = root(`{ equivalents(credentialId: "x") { sharedSkills { id }
      ...W } } fragment W on Equivalent { sharedSkillWeights { skill { label } } onlyInStart { description } }`);
    const at = selectionsAt(
      info,
      [field],
      ['sharedSkills'],
      ['sharedSkillWeights', 'skill'],
      ['missing'],
    );
    expect(at.map((n) => n.name.value)).toEqual(['sharedSkills', 'skill']);
    expect(projection(info, at, READ_SHAPES.skill)).toEqual(['id', 'label']);
  });
});
