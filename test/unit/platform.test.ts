import { GraphQLError } from 'graphql';
import { splitStatements } from '../../src/db/cypher-registry';
import { EmbeddedNeo4jError, requireTool } from '../../src/db/embedded-neo4j';
import { mapDatabaseError } from '../../src/db/database';
import { ConflictError, NotFoundError, QueryTooComplexError } from '../../src/lib/errors';
import { formatError, withoutEchoedValue } from '../../src/server/format-error';
import { Neo4jError } from 'neo4j-driver';

describe('splitStatements', () => {
  it('splits on semicolons at line ends and drops comment lines', () => {
    const text =
      '// header\nCREATE CONSTRAINT a IF NOT EXISTS\n  FOR (n:A) REQUIRE n.id IS UNIQUE;\n\nCREATE INDEX b;\n';
    expect(splitStatements(text)).toEqual([
      'CREATE CONSTRAINT a IF NOT EXISTS\nFOR (n:A) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX b',
    ]);
  });
});

describe('formatError', () => {
  it('keeps a coded domain error as it is', () => {
    const error = new NotFoundError('No credential "x"');
    const seen: unknown[] = [];
    const out = formatError(error.toJSON(), error, (e) => seen.push(e));
    expect(out.extensions?.code).toBe('NOT_FOUND');
    expect(seen).toEqual([]);
  });

  it('masks an uncoded error as INTERNAL_SERVER_ERROR and logs the original', () => {
    const original = new Error('Neo.ClientError.Statement.SyntaxError near MATCH (n)');
    const formatted = new GraphQLError(original.message, {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const seen: unknown[] = [];
    const out = formatError(formatted.toJSON(), original, (e) => seen.push(e));
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(out.message).not.toMatch(/MATCH|Neo/);
    expect(seen).toEqual([original]);
  });
});

describe('mapDatabaseError', () => {
  it('maps an unreachable database to SERVICE_UNAVAILABLE', () => {
    const mapped = mapDatabaseError(
      new Neo4jError('connect ECONNREFUSED', 'ServiceUnavailable', '08000', 'x'),
    );
    expect(mapped).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('maps a constraint violation to CONFLICT', () => {
    const error = new Neo4jError(
      'already exists',
      'Neo.ClientError.Schema.ConstraintValidationFailed',
      '22N41',
      'x',
    );
    expect(mapDatabaseError(error)).toBeInstanceOf(ConflictError);
  });

  it('passes other errors through unchanged', () => {
    const error = new Error('boom');
    expect(mapDatabaseError(error)).toBe(error);
  });
});

describe('requireTool', () => {
  it('says what is missing and how to fix it', () => {
    expect(() => requireTool('cg-no-such-java', ['-version'], 'Java')).toThrow(EmbeddedNeo4jError);
    expect(() => requireTool('cg-no-such-java', ['-version'], 'Java')).toThrow(/NEO4J_URI/);
  });
});

describe('formatError, for hostile input', () => {
  it('drops a value graphql-js copied into a coercion message', () => {
    const echoed = `Variable "$input" got invalid value { title: "${'x'.repeat(5000)}" }; Field "credentialType" of required type "CredentialType!" was not provided.`;
    const cleaned = withoutEchoedValue(echoed);
    expect(cleaned).not.toMatch(/xxxx/);
    expect(cleaned).toMatch(/credentialType/);
    expect(withoutEchoedValue('y'.repeat(10_000)).length).toBeLessThanOrEqual(501);
  });

  it('keeps the code of a coded error that Apollo wrapped, without its HTTP details', () => {
    const error = new QueryTooComplexError('too deep', { limit: 'depth', max: 12 });
    const wrapped = new GraphQLError('too deep', {
      originalError: error,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
    });
    const out = formatError(wrapped.toJSON(), error, () => undefined);
    expect(out.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 12 });
  });
});
