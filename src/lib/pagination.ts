import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { UserInputError } from './errors';

/** The largest page any list field serves; asking for more is BAD_USER_INPUT. */
export const MAX_PAGE_SIZE = 100;

/** The `first` and `after` arguments of every paginated list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    defaultValue: 20,
    description: `How many items to return, from 0 to ${MAX_PAGE_SIZE}.`,
  })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Return the items after this cursor (from `pageInfo.endCursor` of the last page).',
  })
  after?: string | null;
}

/** Relay page info. */
@ObjectType({ simpleResolvers: true, description: 'Where a page sits in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after`.',
  })
  endCursor!: string | null;
}

/** Checks an integer argument against its bounds; out of them is BAD_USER_INPUT naming the field. */
export function intInRange(value: number, min: number, max: number, name: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserInputError(`${name} must be an integer from ${min} to ${max}.`, { field: name });
  }
  return value;
}

const CURSOR_PREFIX = 'offset:';

/** An opaque cursor for an offset. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

/** The offset after a cursor; a cursor this API did not make is BAD_USER_INPUT. */
export function offsetAfter(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isInteger(offset) || offset < 0) {
    throw new UserInputError(`"${after}" is not a cursor of this API; pass pageInfo.endCursor.`);
  }
  return offset + 1;
}

/**
 * One page of a list: its items, whether more follow, and the whole list's size, which may be a
 * function so it is counted only when a client asks for totalCount (GraphQL calls it then).
 */
export interface Page<T> {
  readonly nodes: readonly T[];
  readonly hasMore: boolean;
  readonly total: number | (() => Promise<number>);
}

/** A page from rows read with one more than `first`, and a count to run if asked. */
export function pageOf<T>(
  rows: readonly T[],
  first: number,
  count: () => Promise<number>,
): Page<T> {
  let counted: Promise<number> | undefined;
  return {
    nodes: rows.slice(0, first),
    hasMore: rows.length > first,
    total: () => (counted ??= count()),
  };
}

/** The same page with each item mapped (the count is kept as it is). */
export function mapPage<T, U>(page: Page<T>, map: (item: T) => U): Page<U> {
  return { ...page, nodes: page.nodes.map(map) };
}

export interface ConnectionShape<T> {
  edges: { node: T; cursor: string }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Read only when a client selects it: a getter that may start the count then. */
  readonly totalCount: number | Promise<number>;
}

/** Shapes a page read at `skip` into a Relay connection. */
export function toConnection<T>(page: Page<T>, skip: number): ConnectionShape<T> {
  const edges = page.nodes.map((node, i) => ({ node, cursor: encodeCursor(skip + i) }));
  const { total } = page;
  return {
    edges,
    nodes: [...page.nodes],
    get totalCount() {
      return typeof total === 'number' ? total : total();
    },
    pageInfo: {
      hasNextPage: page.hasMore,
      hasPreviousPage: skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Declares `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function connectionType<T extends object>(
  name: string,
  node: ClassType<T>,
): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, {
    simpleResolvers: true,
    description: `One ${name} in a page, with its cursor.`,
  })
  class Edge {
    @Field(() => node, { description: `The ${name}.` })
    node!: T;

    @Field(() => String, { description: 'Opaque position of this item; pass it as `after`.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${name} items (Relay connection).`,
  })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => [node], { description: 'The items of this page.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, {
      description: 'How many items the whole list holds (counted only when asked for).',
    })
    totalCount!: number;
  }
  return Connection;
}
