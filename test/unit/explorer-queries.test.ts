import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import * as queries from '../../explorer/src/queries';

/** The explorer talks to the public API only; each of its documents must be valid against it. */
const schema = buildSchema(
  fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'),
);

const documents: [string, string][] = Object.entries(queries).flatMap(
  ([name, value]): [string, string][] => {
    if (typeof value === 'function') return [[`${name}(3)`, value(3)]];
    return /^\s*(query|mutation)\b/.test(value) ? [[name, value]] : [];
  },
);

describe('the explorer queries', () => {
  // Every gql() call of the explorer's views takes one of these (no document is written inline).
  it('are all here to check', () => {
    expect(documents.length).toBeGreaterThanOrEqual(13);
  });

  it.each(documents)(
    '%s is valid against schema/schema.graphql',
    (_name: string, document: string) => {
      expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
    },
  );

  it('are the only documents: no view writes one inline', () => {
    const views = path.join(__dirname, '..', '..', 'explorer', 'src', 'views');
    const files = fs
      .readdirSync(views, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'));
    expect(files).toEqual(expect.arrayContaining(['role.ts', path.join('role', 'plan.ts')]));
    for (const file of files) {
      const text = fs.readFileSync(path.join(views, file), 'utf8');
      expect({ file, inline: /[`'"]\s*(query|mutation)\s+[A-Z]/.test(text) }).toEqual({
        file,
        inline: false,
      });
    }
  });

  it('fails on a field the schema does not have', () => {
    const broken = queries.CATALOGUE.replace('totalCount', 'totalCounts');
    expect(validate(schema, parse(broken)).length).toBeGreaterThan(0);
  });
});
