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

/**
 * Every `.cypher` file, loaded once at boot. Asking for an unknown name throws, and repositories
 * look their queries up when they are constructed, so a typo fails at start-up.
 */
export class CypherRegistry {
  private readonly files: ReadonlyMap<string, CypherFile>;
  private readonly used = new Set<string>();

  private constructor(files: CypherFile[]) {
    this.files = new Map(files.map((file) => [file.name, file]));
  }

  static load(dir: string = cypherDir): CypherRegistry {
    const files = walk(dir).map((file) => ({
      name: path
        .relative(dir, file)
        .replace(/\\/g, '/')
        .replace(/\.cypher$/, ''),
      text: fs.readFileSync(file, 'utf8'),
    }));
    return new CypherRegistry(files);
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

/** Splits a file of statements separated by `;` at the end of a line; `//` comment lines drop. */
export function splitStatements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((statement) =>
      statement
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((statement) => statement.length > 0);
}
