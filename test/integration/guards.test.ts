import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isLeafType, type GraphQLObjectType } from 'graphql';
import { CREDENTIAL_SHAPE } from '../../src/credential/credential.reads';
import { CypherRegistry } from '../../src/db/cypher-registry';
import { printQueryNames, queryNamesFile } from '../../src/db/emit-query-names';
import { SKILL_SHAPE } from '../../src/skill/skill.type';
import { projectRoot } from '../../src/lib/paths';
import { printRegistrySchema, schemaFile } from '../../src/server/emit-schema';
import { startTestRegistry, type TestRegistry } from '../helpers/registry';

function sourceText(dir: string): string {
  return (
    fs
      .readdirSync(dir, { withFileTypes: true, recursive: true })
      // The generated list of names names them all; a query is used where code calls it.
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .filter((entry) => path.join(entry.parentPath, entry.name) !== queryNamesFile)
      .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
      .join('\n')
  );
}

describe('guards', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry();
  });
  afterAll(() => registry.stop());

  it('keeps schema/schema.graphql equal to the schema the code emits', async () => {
    const committed = fs.readFileSync(schemaFile, 'utf8');
    const emitted = await printRegistrySchema();
    // On failure run `npm run schema:emit` and commit the result.
    expect(committed).toEqual(emitted);
  });

  it('projects lean reads only by fields that are plain properties of the node', async () => {
    const schema = buildSchema(await printRegistrySchema());
    for (const [name, shape] of [
      ['Credential', CREDENTIAL_SHAPE],
      ['Skill', SKILL_SHAPE],
    ] as const) {
      const fields = (schema.getType(name) as GraphQLObjectType).getFields();
      for (const property of shape.properties) {
        expect([name, property, isLeafType(getNamedType(fields[property]?.type))]).toEqual([
          name,
          property,
          true,
        ]);
        expect(fields[property]?.args ?? []).toEqual([]);
      }
      for (const link of shape.links)
        expect([name, link, !!fields[link]]).toEqual([name, link, true]);
    }
  });

  it('uses every .cypher query file from the source', () => {
    const source = sourceText(path.join(projectRoot, 'src'));
    const unused = CypherRegistry.load()
      .names()
      .filter((name) => !name.startsWith('schema/'))
      .filter((name) => !source.includes(`'${name}'`));
    expect(unused).toEqual([]);
  });

  it('lists every query file in src/db/query-names.ts, as `npm run cypher:names` writes it', () => {
    expect(fs.readFileSync(queryNamesFile, 'utf8')).toBe(printQueryNames());
  });

  it('includes every Cypher fragment somewhere', () => {
    expect(CypherRegistry.load().unusedFragments).toEqual([]);
  });

  it('compiles every .cypher query file (EXPLAIN), as the start-up plan warming does', async () => {
    const warm = await registry.services.db.warmPlans();
    expect(warm.failed).toEqual([]);
    expect(warm.planned).toBe(
      CypherRegistry.load()
        .names()
        .filter((n) => !n.startsWith('schema/')).length,
    );
  });
});
