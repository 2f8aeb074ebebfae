import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../lib/paths';
import { CypherRegistry } from './cypher-registry';

export const queryNamesFile = path.join(projectRoot, 'src', 'db', 'query-names.ts');

/**
 * src/db/query-names.ts as generated from cypher/: every query file's name (schema statements and
 * fragments left out), so a name no file has fails the type check instead of the first call.
 */
export function printQueryNames(): string {
  const names = CypherRegistry.load()
    .names()
    .filter((name) => !name.startsWith('schema/'))
    .sort();
  return [
    '// Generated from the files in cypher/ by `npm run cypher:names`; a unit test keeps it in step.',
    '',
    '/** The name of every registry query: its file under cypher/, without `.cypher`. */',
    'export const QUERY_NAMES = [',
    ...names.map((name) => `  '${name}',`),
    '] as const;',
    '',
    '/** A registry query by name; Database and Tx take only these. */',
    'export type QueryName = (typeof QUERY_NAMES)[number];',
    '',
  ].join('\n');
}

if (require.main === module) {
  fs.writeFileSync(queryNamesFile, printQueryNames());
  process.stdout.write(`wrote ${path.relative(projectRoot, queryNamesFile)}\n`);
}
