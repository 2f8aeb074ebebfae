import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../lib/paths';

export const cypherDir = path.join(projectRoot, 'cypher');

/** One query file: `cypher/<domain>/<verb>-<object>.cypher`, named `<domain>/<verb>-<object>`. */
export interface CypherFile {
  readonly name: string;
  readonly text: string;
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return entry.name.endsWith('.cypher') ? [full] : [];
    })
    .sort();
}

/** Where fragments live: `cypher/fragments/<name>.cypher`, pieces of queries, never run alone. */
const FRAGMENT_PREFIX = 'fragments/';

/** `/*include:<name>*\/` in a query stands for the text of `cypher/fragments/<name>.cypher`. */
const INCLUDE = /\/\*include:([a-z0-9-]+)\*\//g;

/**
 * Replaces each include marker with its fragment (fragments may include others); an unknown or
 * circular include throws, so a broken query file fails at start-up. Records what was included.
 */
export function expandIncludes(
  text: string,
  fragments: ReadonlyMap<string, string>,
  included: Set<string> = new Set(),
  trail: readonly string[] = [],
): string {
  return text.replace(INCLUDE, (_, name: string) => {
    const fragment = fragments.get(name);
    if (fragment === undefined) throw new Error(`Unknown Cypher fragment "${name}"`);
    if (trail.includes(name))
      throw new Error(`Circular Cypher include: ${[...trail, name].join(' -> ')}`);
    included.add(name);
    return expandIncludes(fragment.trimEnd(), fragments, included, [...trail, name]);
  });
}

/**
 * Every `.cypher` file, loaded once at boot. Asking for an unknown name throws, and repositories
 * look their queries up when they are constructed, so a typo fails at start-up. Fragments
 * (`cypher/fragments/`) are expanded into the queries that include them and are not queries
 * themselves: one filter or projection serves every query that needs it.
 */
export class CypherRegistry {
  private readonly files: ReadonlyMap<string, CypherFile>;
  private readonly used = new Set<string>();

  private constructor(
    files: CypherFile[],
    /** Fragment names no query includes; a guard test expects none. */
    readonly unusedFragments: readonly string[],
  ) {
    this.files = new Map(files.map((file) => [file.name, file]));
  }

  static load(dir: string = cypherDir): CypherRegistry {
    const all = walk(dir).map((file) => ({
      name: path
        .relative(dir, file)
        .replace(/\\/g, '/')
        .replace(/\.cypher$/, ''),
      text: fs.readFileSync(file, 'utf8'),
    }));
    const fragments = new Map(
      all
        .filter((f) => f.name.startsWith(FRAGMENT_PREFIX))
        .map((f) => [f.name.slice(FRAGMENT_PREFIX.length), f.text]),
    );
    const included = new Set<string>();
    const queries = all
      .filter((f) => !f.name.startsWith(FRAGMENT_PREFIX))
      .map((f) => ({
        name: f.name,
        text: compactText(expandIncludes(f.text, fragments, included)),
      }));
    return new CypherRegistry(
      queries,
      [...fragments.keys()].filter((name) => !included.has(name)),
    );
  }

  /** The text of a query file; throws for an unknown name. */
  get(name: string): string {
    const file = this.files.get(name);
    if (!file) throw new Error(`Unknown Cypher query "${name}": no file cypher/${name}.cypher`);
    this.used.add(name);
    return file.text;
  }

  names(): string[] {
    return [...this.files.keys()];
  }

  /** Names looked up so far; a guard test compares it with names(). */
  usedNames(): string[] {
    return [...this.used];
  }

  /** The schema statements of `cypher/schema/*.cypher`, split on `;` at line ends, in file order. */
  schemaStatements(): string[] {
    return this.names()
      .filter((name) => name.startsWith('schema/'))
      .flatMap((name) => splitStatements(this.get(name)));
  }
}

/**
 * The text without its whole-line `//` comments and indentation: the files document themselves,
 * and the text is what is sent (and encoded) with every request. (No query has a string literal
 * over several lines, the one place indentation would count.)
 */
export function compactText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('//'))
    .join('\n');
}

/** Splits a file of statements separated by `;` at the end of a line; `//` comment lines drop. */
export function splitStatements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map(compactText)
    .filter((statement) => statement.length > 0);
}
