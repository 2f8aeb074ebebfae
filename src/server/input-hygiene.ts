import type { GraphQLSchema } from 'graphql';
import { UserInputError } from '../lib/errors';
import type { FieldProblem } from './format-error';

/**
 * C0 and C1 control characters (tab, line feed and carriage return excepted), and the Unicode
 * bidirectional embeddings, overrides and isolates used to make text read differently from what
 * it stores ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Ids are URIs, codes or slugs: URI characters only, no spaces. */
const ID = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;
const MAX_PROBLEMS = 20;

/** Whether an argument or input field holds ids (`id`, `skillId`, `providerIds`, `broader`...). */
function holdsIds(key: string): boolean {
  return key === 'id' || /Ids?$/.test(key) || key === 'preparesFor' || key === 'broader';
}

/** The hygiene problems of an argument value, by path; ids are checked only outside documents. */
export function hygieneProblems(
  value: unknown,
  path: string,
  idField = false,
  checkIds = true,
): FieldProblem[] {
  if (typeof value === 'string') {
    if (FORBIDDEN.test(value)) {
      return [{ path, message: 'must not contain control or bidirectional override characters' }];
    }
    if (idField && value !== '' && !ID.test(value)) {
      return [{ path, message: 'must be an id: URI characters only, no spaces' }];
    }
    return [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => hygieneProblems(v, `${path}.${i}`, idField, checkIds));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) =>
      hygieneProblems(v, path ? `${path}.${key}` : key, checkIds && holdsIds(key), checkIds),
    );
  }
  return [];
}

/** BAD_USER_INPUT naming every field of `args` with forbidden characters or a malformed id. */
export function checkInputHygiene(args: Record<string, unknown>): void {
  const problems = Object.entries(args)
    .flatMap(([key, value]) => hygieneProblems(value, key, holdsIds(key), key !== 'documents'))
    .slice(0, MAX_PROBLEMS);
  if (problems.length > 0) {
    throw new UserInputError(
      `Invalid input: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`,
      { fields: problems },
    );
  }
}

/**
 * Refuses a mutation whose arguments carry control or bidi-override characters anywhere, or ids
 * with characters no id has, before anything is stored. Imported documents are free JSON, so
 * only their text is checked, not their ids. Wraps the Mutation fields only, so reads pay nothing.
 */
export function applyInputHygiene(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    if (!resolve) continue;
    field.resolve = (source, args: Record<string, unknown>, context, info) => {
      checkInputHygiene(args);
      return resolve(source, args, context, info);
    };
  }
  return schema;
}
