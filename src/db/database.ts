import neo4j, {
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  type QueryResult,
  type RecordShape,
} from 'neo4j-driver';
import { CodedError, ConflictError, ServiceUnavailableError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { CypherRegistry } from './cypher-registry';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** A transaction that runs registry queries by name; one mutation uses exactly one. */
export interface Tx {
  run<T extends Row = Row>(name: string, params?: Params): Promise<T[]>;
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/**
 * Maps driver failures to coded errors: unreachable -> SERVICE_UNAVAILABLE, a broken constraint
 * -> CONFLICT. Coded errors thrown by our own code pass through; anything else is rethrown as it
 * is and masked by the server's error formatter.
 */
export function mapDatabaseError(error: unknown): unknown {
  if (error instanceof CodedError) return error;
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code) || error.retryable) return new ServiceUnavailableError();
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new ConflictError('This would duplicate an existing record with the same key.');
    }
  }
  return error;
}

function rows<T extends Row>(result: QueryResult<RecordShape>): T[] {
  return result.records.map((record) => record.toObject() as T);
}

export interface DatabaseOptions {
  readonly logger: Logger;
  readonly database?: string;
}

/**
 * Read and write helpers over the driver's transaction functions. Every call is one round trip
 * (or one transaction of several) and counted, so tests can prove what a request costs.
 */
export class Database implements Tx {
  private trips = 0;

  constructor(
    readonly driver: Driver,
    readonly cypher: CypherRegistry,
    private readonly options: DatabaseOptions,
  ) {}

  /** Statements sent since start; tests diff it around a request. */
  get roundTrips(): number {
    return this.trips;
  }

  /** Runs one named read query. */
  async read<T extends Row = Row>(name: string, params: Params = {}): Promise<T[]> {
    const text = this.cypher.get(name);
    return this.session('READ', (session) =>
      session.executeRead(async (tx) => {
        this.trips++;
        return rows<T>(await tx.run(text, params));
      }),
    );
  }

  /** Tx's `run` outside a transaction: one named read, so repository reads take either. */
  run<T extends Row = Row>(name: string, params: Params = {}): Promise<T[]> {
    return this.read<T>(name, params);
  }

  /** Runs one named write query in its own transaction. */
  async write<T extends Row = Row>(name: string, params: Params = {}): Promise<T[]> {
    return this.writeTransaction((tx) => tx.run<T>(name, params));
  }

  /**
   * Runs `work` in one write transaction: all its statements commit together or not at all.
   * `work` may be retried on transient failures, so it must not have side effects outside Neo4j.
   */
  async writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.session('WRITE', (session) => session.executeWrite((tx) => work(this.wrap(tx))));
  }

  /** Runs a statement text outside the registry (schema statements, admin tools) in auto-commit. */
  async runAutoCommit<T extends Row = Row>(text: string, params: Params = {}): Promise<T[]> {
    return this.session('WRITE', async (session) => {
      this.trips++;
      return rows<T>(await session.run(text, params));
    });
  }

  /** Resolves when Neo4j answers a trivial query; throws SERVICE_UNAVAILABLE otherwise. */
  async ping(): Promise<void> {
    const session = this.driver.session({ database: this.options.database });
    try {
      await session.run('RETURN 1');
    } catch (error) {
      throw mapDatabaseError(error);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private wrap(tx: ManagedTransaction): Tx {
    return {
      run: async <T extends Row>(name: string, params: Params = {}) => {
        const text = this.cypher.get(name);
        this.trips++;
        return rows<T>(await tx.run(text, params));
      },
    };
  }

  private async session<T>(
    mode: 'READ' | 'WRITE',
    work: (session: ReturnType<Driver['session']>) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return await work(session);
    } catch (error) {
      throw mapDatabaseError(error);
    } finally {
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
