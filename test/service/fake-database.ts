import { CypherRegistry } from '../../src/db/cypher-registry';
import type { Database, Params, Row, Tx } from '../../src/db/database';
import type { QueryName } from '../../src/db/query-names';

/** One query a service ran, by its file's name, with what it sent and how it ended. */
export interface RecordedQuery {
  name: QueryName;
  params: Params;
  /** Which write transaction ran it (0 for reads outside one). */
  transaction: number;
  /** For a query in a write transaction: whether that transaction committed. */
  committed: boolean;
}

/** What a query answers, from what it was sent. */
export type Answer = (params: Params) => Row[];

/**
 * A Database without Neo4j for the service tier: it runs nothing, records each named query with
 * its parameters (refusing a name no cypher/ file has, as the real one does), answers from the
 * functions a test gives per name (no rows otherwise), and marks a write transaction's queries
 * rolled back when its work throws. Tests then check what a service asked for, in what order, and
 * what it left written, the way neo4j/graphql's TCK pins Cypher without a database.
 */
export class FakeDatabase {
  readonly queries: RecordedQuery[] = [];
  private readonly answers = new Map<QueryName, Answer>();
  private readonly cypher = CypherRegistry.load();
  private transactions = 0;

  /** Answers the named query with `answer` from now on. */
  answer(name: QueryName, answer: Answer): this {
    this.cypher.get(name);
    this.answers.set(name, answer);
    return this;
  }

  /** The names of the queries run so far, in order (optionally only those of committed writes). */
  names(filter: 'all' | 'committed writes' = 'all'): QueryName[] {
    return this.queries
      .filter((q) => filter === 'all' || (q.transaction > 0 && q.committed))
      .map((q) => q.name);
  }

  /** The parameters of every run of a query, in order. */
  paramsOf(name: QueryName): Params[] {
    return this.queries.filter((q) => q.name === name).map((q) => q.params);
  }

  /** This fake where a Database is expected (services use only the members below). */
  get asDatabase(): Database {
    return this as unknown as Database;
  }

  read<T extends Row = Row>(name: QueryName, params: Params = {}): Promise<T[]> {
    return Promise.resolve(this.record<T>(name, params, 0, true));
  }

  run<T extends Row = Row>(name: QueryName, params: Params = {}): Promise<T[]> {
    return this.read<T>(name, params);
  }

  async count(name: QueryName, params: Params = {}): Promise<number> {
    const [row] = await this.read<{ total?: number }>(name, params);
    return row?.total ?? 0;
  }

  write<T extends Row = Row>(name: QueryName, params: Params = {}): Promise<T[]> {
    return this.writeTransaction((tx) => tx.run<T>(name, params));
  }

  async writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const id = (this.transactions += 1);
    const mine: RecordedQuery[] = [];
    const tx: Tx = {
      run: <R extends Row = Row>(name: QueryName, params: Params = {}) => {
        const rows = this.record<R>(name, params, id, false);
        mine.push(this.queries[this.queries.length - 1]!);
        return Promise.resolve(rows);
      },
    };
    const result = await work(tx);
    for (const q of mine) q.committed = true;
    return result;
  }

  runAutoCommit(): Promise<Row[]> {
    return Promise.reject(new Error('The service tier runs named queries only.'));
  }

  private record<T extends Row>(
    name: QueryName,
    params: Params,
    transaction: number,
    committed: boolean,
  ): T[] {
    this.cypher.get(name);
    this.queries.push({ name, params, transaction, committed });
    return (this.answers.get(name)?.(params) ?? []) as T[];
  }
}
