import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Limits } from '../config';
import { QueryTooComplexError } from '../lib/errors';

/**
 * The bound a list field declares when it takes no `first`, read from its extensions
 * (`@Extensions({ maxItems })`). Lists without either are costed at this many items.
 */
export const UNDECLARED_LIST_BOUND = 100;
/** What a mutation costs when it declares nothing: a transaction, more than a read. */
export const DEFAULT_MUTATION_COST = 20;

type Extensions = { maxItems?: number; cost?: number };

function extensionsOf(field: GraphQLField<unknown, unknown>): Extensions {
  return (field.extensions ?? {}) as Extensions;
}

/** Whether a field returns a Relay connection: its `first` bounds the `nodes` and `edges` below. */
function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  return getNamedType(field.type).name.endsWith('Connection');
}

/**
 * How many times a field's selection may repeat: the `first` it is given, else the bound it
 * declares; 1 for a single object. `nodes` and `edges` of a connection repeat as many times as
 * the connection's `first`, which is counted on the connection field itself.
 */
export function multiplierOf(
  field: GraphQLField<unknown, unknown>,
  parentTypeName: string,
  args: Record<string, unknown>,
): number {
  const first = typeof args.first === 'number' ? Math.max(args.first, 0) : undefined;
  if (isConnection(field)) return first ?? UNDECLARED_LIST_BOUND;
  if (!isListType(getNullableType(field.type))) return 1;
  if (parentTypeName.endsWith('Connection')) return 1;
  return first ?? extensionsOf(field).maxItems ?? UNDECLARED_LIST_BOUND;
}

/**
 * The registry's cost model: every object returned costs 1 plus what its selection costs, times
 * how often it may repeat (its `first`, or the list's declared bound); scalars cost nothing.
 * Headline queries and mutations add their own base cost (`@Extensions({ cost })`), as they run
 * more than a lookup. Introspection costs nothing here (it is bounded by the schema itself).
 */
export const registryEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
  const ext = extensionsOf(field);
  const base = ext.cost ?? (type.name === 'Mutation' ? DEFAULT_MUTATION_COST : 0);
  if (isLeafType(getNamedType(field.type))) return base;
  return base + multiplierOf(field, type.name, args) * (1 + childComplexity);
};

/**
 * The estimated cost of an operation, with its variables; the same for HTTP and WebSocket.
 * Variables that do not coerce cost nothing here: the operation cannot run, and execution
 * refuses it with BAD_USER_INPUT naming the variable.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
): number {
  // Apollo hands the same parsed document to every request with the same text, so a client
  // repeating a query with the same variables is costed once (walking the query is most of what
  // the guard spends on a nested read).
  let known = costs.get(schema)?.get(document);
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
  const cached = known?.get(key);
  if (cached !== undefined) return cached;
  const cost = estimate(schema, document, variables, operationName);
  if (!known) {
    const bySchema = costs.get(schema) ?? new WeakMap<DocumentNode, Map<string, number>>();
    costs.set(schema, bySchema);
    known = new Map();
    bySchema.set(document, known);
  }
  if (known.size >= COSTS_PER_DOCUMENT) known.clear();
  known.set(key, cost);
  return cost;
}

/** Costs computed so far, per schema and parsed document, by operation name and variables. */
const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
const COSTS_PER_DOCUMENT = 256;

function estimate(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      operationName: operationName ?? undefined,
      estimators: [registryEstimator],
    });
  } catch (error) {
    if (error instanceof GraphQLError) return 0;
    throw error;
  }
}

/** Refuses an operation whose estimated cost is over the limit; returns the cost otherwise. */
export function checkCost(
  limits: Pick<Limits, 'maxCost'>,
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
): number {
  const cost = queryCost(schema, document, variables, operationName);
  if (cost > limits.maxCost) {
    throw new QueryTooComplexError(
      `This query's estimated cost is ${cost}, over the limit of ${limits.maxCost}. Ask for ` +
        'smaller pages (first), fewer nested lists or fewer aliases.',
      { limit: 'cost', cost, maxCost: limits.maxCost },
    );
  }
  return cost;
}

/** Reports graphql-armor's refusal as a QUERY_TOO_COMPLEX error naming the limit. */
function refuse(limit: string, max: number) {
  return (ctx: ValidationContext | null, error: GraphQLError) => {
    const message = error.message.replace(/^Syntax Error: /, '');
    ctx?.reportError(
      new QueryTooComplexError(`${message} Split the query or ask for less.`, { limit, max }),
    );
  };
}

/**
 * Validation rules that bound a document before it runs: depth, aliases and directives, checked
 * by graphql-armor. Tokens are bounded by the parser itself (`maxTokens`), so a huge document is
 * refused before it is even built.
 */
export function queryLimitRules(limits: Limits): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    maxDepthRule({
      ...common,
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      onReject: [refuse('depth', limits.maxDepth)],
    }),
    maxAliasesRule({
      ...common,
      n: limits.maxAliases,
      onReject: [refuse('aliases', limits.maxAliases)],
    }),
    maxDirectivesRule({
      ...common,
      n: limits.maxDirectives,
      onReject: [refuse('directives', limits.maxDirectives)],
    }),
  ];
}

/** Parser options that stop a document past `maxTokens` tokens (and so any deep nesting). */
export function parseLimits(limits: Pick<Limits, 'maxTokens'>): { maxTokens: number } {
  return { maxTokens: limits.maxTokens };
}
