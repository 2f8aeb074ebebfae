import type { Metrics } from '../lib/metrics';
import neo4j, {
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  type QueryResult,
  type RecordShape,
} from 'neo4j-driver';
import CircuitBreaker from 'opossum';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CodedError,
  ConflictError,
  ServiceUnavailableError,
  TimeoutError,
  UserInputError,
} from '../lib/errors';
import type { Logger } from '../lib/logger';
import { inSpan } from '../lib/tracing';
import type { CypherRegistry } from './cypher-registry';
import type { QueryName } from './query-names';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** A transaction that runs registry queries by name; one mutation uses exactly one. */
export interface Tx<Name extends string = QueryName> {
  run<T extends Row = Row>(name: Name, params?: Params): Promise<T[]>;
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/**
 * Maps driver failures to coded errors: unreachable -> SERVICE_UNAVAILABLE, a transaction past its
 * timeout -> TIMEOUT, a broken constraint -> CONFLICT. Coded errors thrown by our own code pass through; anything else is rethrown as it
 * is and masked by the server's error formatter.
 */
export function mapDatabaseError(error: unknown): unknown {
  if (error instanceof CodedError) return error;
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code) || error.retryable) return new ServiceUnavailableError();
    if (TIMEOUT_CODES.has(error.code)) return new TimeoutError();
    if (error.code.startsWith('Neo.ClientError.Transaction.InvalidBookmark')) {
      return new UserInputError(
        'The bookmark sent in the x-bookmark header is not one this database gave.',
      );
    }
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new ConflictError('This would duplicate an existing record with the same key.');
    }
  }
  return error;
}

function isOpenCircuit(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EOPENBREAKER';
}

function rows<T extends Row>(result: QueryResult<RecordShape>): T[] {
  return result.records.map((record) => record.toObject() as T);
}

export interface DatabaseOptions {
  readonly logger: Logger;
  readonly database?: string;
  /** Server-side timeout of every transaction, in ms; 0 leaves the server's own. */
  readonly txTimeoutMs?: number;
  /** How long the circuit stays open before one call may probe the database, in ms. */
  readonly breakerResetMs?: number;
  /** How long a read retries transient failures (a pooled connection gone stale), in ms. */
  readonly retryMs?: number;
  /** Where round trips and transaction times are counted (the process's metrics). */
  readonly metrics?: Pick<Metrics, 'dbRoundTrips' | 'dbTransactionSeconds'>;
}

/**
 * Causal consistency across instances: the bookmarks a request brought (its reads wait until the
 * database has those transactions, as a read replica must) and the ones its writes left.
 */
interface CausalScope {
  readonly given: string[];
  latest: string[];
}
const causal = new AsyncLocalStorage<CausalScope>();

/**
 * Runs `work` (one request) with the bookmarks its client sent; returns what it gave back and the
 * bookmarks to hand the client: those of its last write, else the ones it came with.
 */
export async function withBookmarks<T>(
  given: string[],
  work: () => Promise<T>,
): Promise<{ result: T; bookmarks: string[] }> {
  const scope: CausalScope = { given, latest: given };
  const result = await causal.run(scope, work);
  return { result, bookmarks: scope.latest };
}

/** The bookmarks the current request holds now (for a response extension). */
export function currentBookmarks(): string[] {
  return causal.getStore()?.latest ?? [];
}

/** The first pause before a read is retried, doubled on each attempt. */
const READ_RETRY_PAUSE_MS = 50;

/** The circuit breaker's view of the database. */
export type DatabaseHealth = 'available' | 'unavailable' | 'probing';

/**
 * Read and write helpers over the driver's transaction functions. Every call is one round trip
 * (or one transaction of several) and counted, so tests can prove what a request costs.
 */
export class Database<Name extends string = QueryName> implements Tx<Name> {
  private trips = 0;
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  private unavailableSince: number | null = null;
  /** Set while a supervisor knows the database is down: no call probes it until it is back. */
  private held = false;

  constructor(
    readonly driver: Driver,
    readonly cypher: CypherRegistry,
    private readonly options: DatabaseOptions,
  ) {
    // One unreachable failure opens the circuit: while it is open every call fails at once with
    // SERVICE_UNAVAILABLE, and after breakerResetMs one call probes whether the database is back.
    this.breaker = new CircuitBreaker((work: () => Promise<unknown>) => work(), {
      timeout: false,
      resetTimeout: options.breakerResetMs ?? 1_000,
      volumeThreshold: 1,
      errorFilter: (error: unknown) =>
        !(mapDatabaseError(error) instanceof ServiceUnavailableError),
    });
    // Only unreachability counts as a failure (errorFilter); one is enough to open.
    this.breaker.on('failure', () => {
      if (!this.breaker.opened) this.breaker.open();
    });
    this.breaker.on('open', () => {
      this.unavailableSince ??= Date.now();
      options.logger.warn('database unreachable: failing fast', {
        probeAfterMs: options.breakerResetMs ?? 1_000,
      });
    });
    this.breaker.on('close', () => {
      if (this.unavailableSince !== null) {
        options.logger.info('database reachable again', {
          downMs: Date.now() - this.unavailableSince,
        });
      }
      this.unavailableSince = null;
    });
  }

  /** Where the circuit stands: calls go through, fail fast, or one is probing. */
  get health(): DatabaseHealth {
    if (this.held || this.breaker.opened) return 'unavailable';
    if (this.breaker.halfOpen) return 'probing';
    return 'available';
  }

  /** Milliseconds since the database became unreachable; 0 while it is reachable. */
  get unavailableForMs(): number {
    return this.unavailableSince === null ? 0 : Date.now() - this.unavailableSince;
  }

  /**
   * For a supervisor that knows the database is down (an embedded JVM that died): every call fails
   * at once, and none probes, until markAvailable().
   */
  markUnavailable(): void {
    this.held = true;
    this.unavailableSince ??= Date.now();
    this.breaker.open();
  }

  /** The supervisor saw the database come back: calls go through again. */
  markAvailable(): void {
    this.held = false;
    this.breaker.close();
  }

  /** Statements sent since start; tests diff it around a request. */
  get roundTrips(): number {
    return this.trips;
  }

  /**
   * Runs one named read query as an auto-commit transaction: one network round trip where a
   * transaction function takes two (its COMMIT), which is most of a small read's cost. A read has
   * nothing to roll back, so transient failures are retried here, with a fresh session, for up to
   * `retryMs` (as the driver's transaction functions would).
   */
  async read<T extends Row = Row>(name: Name, params: Params = {}): Promise<T[]> {
    const text = this.cypher.get(name);
    return this.guarded(async () => {
      const deadline = Date.now() + (this.options.retryMs ?? 5_000);
      for (let pause = READ_RETRY_PAUSE_MS; ; pause *= 2) {
        try {
          return await this.withSession('READ', async (session) => {
            return this.send<T>(name, () => session.run(text, params, this.txConfig()));
          });
        } catch (error) {
          const transient = error instanceof Neo4jError && error.retryable;
          if (!transient || Date.now() + pause > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      }
    });
  }

  /** Runs one named read query that returns one row with a `total`, and gives that number. */
  async count(name: Name, params: Params = {}): Promise<number> {
    const [row] = await this.read<{ total: number }>(name, params);
    return row?.total ?? 0;
  }

  /** Tx's `run` outside a transaction: one named read, so repository reads take either. */
  run<T extends Row = Row>(name: Name, params: Params = {}): Promise<T[]> {
    return this.read<T>(name, params);
  }

  /** Runs one named write query in its own transaction. */
  async write<T extends Row = Row>(name: Name, params: Params = {}): Promise<T[]> {
    return this.writeTransaction((tx) => tx.run<T>(name, params));
  }

  /**
   * Runs `work` in one write transaction: all its statements commit together or not at all.
   * `work` may be retried on transient failures, so it must not have side effects outside Neo4j.
   */
  async writeTransaction<T>(work: (tx: Tx<Name>) => Promise<T>): Promise<T> {
    return this.session('WRITE', (session) =>
      session.executeWrite((tx) => work(this.wrap(tx)), this.txConfig()),
    );
  }

  /** Runs a statement text outside the registry (schema statements, admin tools) in auto-commit. */
  async runAutoCommit<T extends Row = Row>(text: string, params: Params = {}): Promise<T[]> {
    return this.session('WRITE', async (session) => {
      this.sent('auto-commit');
      return rows<T>(await session.run(text, params));
    });
  }

  /**
   * Plans every registry query once (EXPLAIN), so Neo4j's plan cache holds them
   * before the first user asks: a cold plan costs 0.5-2 s on the full taxonomy. Schema statements
   * are left out. Returns how many were planned and the names that failed to plan.
   */
  async warmPlans(): Promise<{ planned: number; failed: string[]; ms: number }> {
    const started = Date.now();
    const failed: string[] = [];
    let planned = 0;
    await this.session('WRITE', async (session) => {
      for (const name of this.cypher.names().filter((n) => !n.startsWith('schema/'))) {
        try {
          await session.run(`EXPLAIN ${this.cypher.get(name)}`);
          planned++;
        } catch {
          failed.push(name);
        }
      }
    });
    return { planned, failed, ms: Date.now() - started };
  }

  /**
   * Resolves when Neo4j answers a trivial query; throws SERVICE_UNAVAILABLE otherwise. Goes through
   * the circuit, so a readiness probe can be the call that finds the database back.
   */
  async ping(): Promise<void> {
    await this.guarded(async () => {
      const session = this.driver.session({ database: this.options.database });
      try {
        await session.run('RETURN 1');
      } finally {
        await session.close().catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {
    this.breaker.shutdown();
    await this.driver.close();
  }

  /** Counts one statement sent. */
  private sent(name: string): void {
    this.trips++;
    this.options.metrics?.dbRoundTrips.inc({ query: name });
  }

  /** Sends one named registry statement: counted, traced under its file name, rows out. */
  private async send<T extends Row>(
    name: string,
    run: () => Promise<QueryResult<RecordShape>>,
  ): Promise<T[]> {
    this.sent(name);
    const attributes = { 'db.system.name': 'neo4j', 'db.operation.name': name };
    return rows<T>(await inSpan(`cypher ${name}`, attributes, run));
  }

  private txConfig(): { timeout?: number } {
    const ms = this.options.txTimeoutMs ?? 0;
    return ms > 0 ? { timeout: ms } : {};
  }

  /** Runs `work` through the circuit breaker and maps what fails to coded errors. */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    if (this.held) throw new ServiceUnavailableError();
    try {
      return (await this.breaker.fire(work)) as T;
    } catch (error) {
      if (isOpenCircuit(error)) throw new ServiceUnavailableError();
      throw mapDatabaseError(error);
    }
  }

  private wrap(tx: ManagedTransaction): Tx<Name> {
    return {
      run: async <T extends Row>(name: string, params: Params = {}) => {
        const text = this.cypher.get(name);
        return this.send<T>(name, () => tx.run(text, params));
      },
    };
  }

  private async session<T>(
    mode: 'READ' | 'WRITE',
    work: (session: ReturnType<Driver['session']>) => Promise<T>,
  ): Promise<T> {
    return this.guarded(() => this.withSession(mode, work));
  }

  /** Runs `work` in a session of its own, closed after; no circuit, no error mapping. */
  private async withSession<T>(
    mode: 'READ' | 'WRITE',
    work: (session: ReturnType<Driver['session']>) => Promise<T>,
  ): Promise<T> {
    const scope = causal.getStore();
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(scope && scope.latest.length > 0 ? { bookmarks: scope.latest } : {}),
    });
    const timer = this.options.metrics?.dbTransactionSeconds.startTimer({ mode });
    try {
      const result = await work(session);
      // Later statements of the request, and the client's next request, follow this write.
      if (scope && mode === 'WRITE') scope.latest = session.lastBookmarks();
      return result;
    } finally {
      timer?.();
      await session.close().catch(() => undefined);
    }
  }
}

export interface DriverOptions {
  readonly uri: string;
  readonly user?: string;
  readonly password?: string;
  /** Retry budget of transaction functions, in ms. */
  readonly retryMs: number;
}

/** A driver tuned for an API: plain JS numbers, short timeouts so an outage answers quickly. */
export function createDriver(options: DriverOptions): Driver {
  const auth =
    options.password !== undefined && options.password !== ''
      ? neo4j.auth.basic(options.user ?? 'neo4j', options.password)
      : { scheme: 'none', principal: '', credentials: '' };
  return neo4j.driver(options.uri, auth, {
    disableLosslessIntegers: true,
    maxTransactionRetryTime: options.retryMs,
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    maxConnectionPoolSize: 50,
    userAgent: 'credential-graph',
  });
}
