import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { projectRoot } from '../lib/paths';
import { createEventBus } from '../lib/event-bus';
import type { RegistryEventTopics } from '../services';
import { buildRegistrySchema } from './schema';

export const schemaFile = path.join(projectRoot, 'schema', 'schema.graphql');

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export async function printRegistrySchema(): Promise<string> {
  const schema = await buildRegistrySchema(createEventBus<RegistryEventTopics>());
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (require.main === module) {
  void printRegistrySchema().then((sdl) => {
    fs.mkdirSync(path.dirname(schemaFile), { recursive: true });
    fs.writeFileSync(schemaFile, sdl);
    process.stdout.write(`wrote ${path.relative(projectRoot, schemaFile)}\n`);
  });
}
