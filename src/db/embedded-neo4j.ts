import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import type { Logger } from '../lib/logger';
import { projectRoot } from '../lib/paths';
import { present } from '../lib/present';

const launcherDir = path.join(projectRoot, 'neo4j');
const libDir = path.join(launcherDir, 'lib');
/** Written after a complete `mvn` run; holds the pom's hash so a version bump re-resolves. */
const stampFile = path.join(libDir, '.resolved');

/** Raised when the embedded Neo4j cannot be installed or started; the message says how to fix it. */
export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}

export interface EmbeddedNeo4jOptions {
  /** Store directory; created when missing. */
  readonly dataDir: string;
  /** Bolt port on 127.0.0.1; 0 picks a free one. */
  readonly port?: number;
  readonly heapMb?: number;
  readonly pageCacheMb?: number;
  /** Milliseconds to wait for the readiness line. */
  readonly startTimeoutMs?: number;
  /**
   * Password of user `neo4j`. Unset: one generated per data directory and kept in
   * `<dataDir>/registry.password`, readable by its owner only.
   */
  readonly password?: string;
  /** Restart the JVM when it exits unexpectedly (default true), with this backoff. */
  readonly supervise?: boolean | RestartPolicy;
  readonly logger?: Logger;
}

/** How the supervisor restarts a JVM that died: exponential backoff, then it gives up. */
export interface RestartPolicy {
  /** Restarts tried in a row before giving up (default 8). */
  readonly maxAttempts: number;
  /** Delay before the first restart, doubled each time (default 500 ms). */
  readonly baseDelayMs: number;
  /** Longest delay between restarts (default 15 s). */
  readonly maxDelayMs: number;
}

const DEFAULT_RESTART: RestartPolicy = { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 15_000 };

/** Where the supervised JVM stands. */
export type EmbeddedState = 'up' | 'down' | 'failed' | 'stopped';

/**
 * A running embedded Neo4j: a supervised JVM child process serving Bolt on loopback, with
 * authentication. Events: `down` (the JVM exited unexpectedly), `up` (a restart is ready),
 * `failed` (restarts gave up).
 */
export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The pid of the current JVM. */
  readonly pid: number;
  /** Milliseconds from spawn to the readiness line, of the first start. */
  readonly startMs: number;
  /** How many times the supervisor restarted the JVM. */
  readonly restarts: number;
  readonly state: EmbeddedState;
  on(event: 'down' | 'up' | 'failed', listener: () => void): void;
  /** Stops the JVM cleanly (SIGTERM, then SIGKILL after a grace period); safe to call twice. */
  stop(): Promise<void>;
}

/** The password file of a data directory: created once with 256 random bits, mode 0600. */
export function embeddedPassword(dataDir: string): string {
  const file = path.join(dataDir, 'registry.password');
  try {
    const stored = fs.readFileSync(file, 'utf8').trim();
    if (stored.length >= 8) return stored;
  } catch {
    // No password yet: make one.
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return password;
}

function pomHash(): string {
  const pom = fs.readFileSync(path.join(launcherDir, 'pom.xml'), 'utf8');
  let hash = 0;
  for (let i = 0; i < pom.length; i++) hash = (Math.imul(hash, 31) + pom.charCodeAt(i)) | 0;
  return String(hash >>> 0);
}

/** Fails with an install hint when a command the embedded Neo4j needs (java, mvn) is missing. */
export function requireTool(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) {
    throw new EmbeddedNeo4jError(
      `${what} was not found (${command}: ${result.error.message}). The embedded Neo4j needs ` +
        'Java 17 and Maven on the PATH; install them (e.g. `apt-get install openjdk-17-jdk maven`) ' +
        'or point the registry at a running Neo4j 5.26+ with NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.',
    );
  }
}

/**
 * Resolves the Neo4j jars from Maven Central into `neo4j/lib` once; later calls return at once.
 * Runs `mvn` with a recent maven-dependency-plugin (Maven 3.8's built-in one is too old).
 */
export function ensureNeo4jJars(logger?: Logger): void {
  const hash = pomHash();
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === hash) return;
  requireTool('mvn', ['--version'], 'Maven');
  logger?.info('resolving the embedded Neo4j jars with mvn (first run only)', { dir: libDir });
  fs.rmSync(libDir, { recursive: true, force: true });
  const result = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      path.join(launcherDir, 'pom.xml'),
      'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies',
      `-DoutputDirectory=${libDir}`,
      '-DincludeScope=runtime',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.status !== 0) {
    throw new EmbeddedNeo4jError(
      `mvn could not resolve the Neo4j jars (exit ${result.status ?? result.signal}):\n` +
        `${result.stdout}${result.stderr}`.slice(-4000),
    );
  }
  fs.writeFileSync(stampFile, `${hash}\n`);
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port assigned'));
      });
    });
  });
}

function jvmArgs(options: EmbeddedNeo4jOptions, port: number): string[] {
  return [
    `-Xmx${options.heapMb ?? 768}m`,
    '-XX:+UseG1GC',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-cp',
    `${libDir}${path.sep}*`,
    path.join(launcherDir, 'Launcher.java'),
    '--home',
    options.dataDir,
    '--port',
    String(port),
    '--pagecache-mb',
    String(options.pageCacheMb ?? 256),
    // The JVM also stops when our stdin pipe closes, so a killed parent leaves no JVM behind.
    '--exit-on-stdin-eof',
  ];
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Spawns the JVM and resolves with the child once it prints its readiness line. */
async function spawnReady(
  options: EmbeddedNeo4jOptions,
  port: number,
  password: string,
): Promise<ChildProcess> {
  const logger = options.logger;
  // Its own process group: Ctrl-C reaches only Node, which drains HTTP before stopping Neo4j.
  const child = spawn('java', jvmArgs(options, port), {
    cwd: projectRoot,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    // The password travels in the child's environment, never on its command line.
    env: { ...process.env, NEO4J_EMBEDDED_PASSWORD: password },
  });
  const stderrTail: string[] = [];
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 40) stderrTail.shift();
    logger?.debug('neo4j stderr', { line });
  });
  const stdout = readline.createInterface({ input: child.stdout });

  const timeoutMs = options.startTimeoutMs ?? 180_000;
  await new Promise<void>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new EmbeddedNeo4jError(`Embedded Neo4j ${why}.\n${stderrTail.join('\n')}`));
    };
    const timer = setTimeout(() => fail(`did not become ready in ${timeoutMs} ms`), timeoutMs);
    child.once('error', (error) => fail(`could not be spawned: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited before it was ready (${code ?? signal})`));
    stdout.on('line', (line) => {
      logger?.debug('neo4j stdout', { line });
      if (line.startsWith('NEO4J_READY')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.removeAllListeners('error');
        resolve();
      }
    });
  });

  // The JVM must not keep Node alive: when Node exits, the closed stdin pipe stops the JVM.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }
  return child;
}

/**
 * Installs the jars if needed, starts Neo4j as a child JVM and resolves once Bolt is ready. Unless
 * `supervise` is false, a JVM that exits on its own is restarted on the same port with backoff.
 */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const logger = options.logger;
  requireTool('java', ['-version'], 'Java');
  ensureNeo4jJars(logger);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const password = options.password ?? embeddedPassword(options.dataDir);
  const port = options.port !== undefined && options.port !== 0 ? options.port : await freePort();
  const policy: RestartPolicy | null =
    options.supervise === false
      ? null
      : options.supervise === true || options.supervise === undefined
        ? DEFAULT_RESTART
        : options.supervise;
  const started = Date.now();
  const child = await spawnReady(options, port, password);
  const startMs = Date.now() - started;
  const neo4j = new SupervisedNeo4j(options, port, password, policy, child, startMs);
  logger?.info('embedded Neo4j ready', {
    uri: neo4j.uri,
    startMs,
    pid: child.pid,
    dataDir: options.dataDir,
  });
  return neo4j;
}

/**
 * The running JVM and its supervisor: an unexpected exit is `down`, then restarts on the same
 * port with doubling delays until one is `up` or the policy gives up (`failed`).
 */
class SupervisedNeo4j implements EmbeddedNeo4j {
  readonly uri: string;
  readonly user = 'neo4j';
  private readonly events = new EventEmitter();
  private current: EmbeddedState = 'up';
  private restartCount = 0;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly options: EmbeddedNeo4jOptions,
    readonly port: number,
    readonly password: string,
    private readonly policy: RestartPolicy | null,
    private child: ChildProcess,
    readonly startMs: number,
  ) {
    this.uri = `bolt://127.0.0.1:${port}`;
    this.supervise(child);
  }

  get pid(): number {
    return present(this.child.pid, 'the pid of a spawned JVM');
  }

  get restarts(): number {
    return this.restartCount;
  }

  get state(): EmbeddedState {
    return this.current;
  }

  on(event: 'down' | 'up' | 'failed', listener: () => void): void {
    this.events.on(event, listener);
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const logger = this.options.logger;
      this.current = 'stopped';
      const child = this.child;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 30_000))) {
        logger?.warn('embedded Neo4j did not stop in 30 s; killing it');
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
      child.stdin?.destroy();
      logger?.info('embedded Neo4j stopped', { pid: child.pid });
    })();
    return this.stopping;
  }

  private supervise(child: ChildProcess): void {
    child.once('exit', (code, signal) => {
      if (this.stopping || !this.policy) return;
      this.current = 'down';
      this.options.logger?.error('embedded Neo4j exited unexpectedly; restarting', {
        pid: child.pid,
        code,
        signal,
      });
      this.events.emit('down');
      void this.restart(1);
    });
  }

  private async restart(attempt: number): Promise<void> {
    const { policy, options } = this;
    const logger = options.logger;
    if (this.stopping || !policy) return;
    if (attempt > policy.maxAttempts) {
      this.current = 'failed';
      logger?.error('embedded Neo4j could not be restarted; giving up', { attempts: attempt - 1 });
      this.events.emit('failed');
      return;
    }
    const delay = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
    await new Promise((resolve) => setTimeout(resolve, delay).unref());
    if (this.stopping) return;
    try {
      const next = await spawnReady(options, this.port, this.password);
      if (this.stopping) {
        // Stopped while this restart was starting: do not leave the new JVM behind.
        next.kill('SIGTERM');
        return;
      }
      this.child = next;
      this.restartCount++;
      this.current = 'up';
      logger?.info('embedded Neo4j restarted', {
        pid: next.pid,
        attempt,
        restarts: this.restartCount,
      });
      this.supervise(next);
      this.events.emit('up');
    } catch (error) {
      logger?.warn('embedded Neo4j restart failed', {
        attempt,
        error: error instanceof Error ? error.message.split('\n')[0] : String(error),
      });
      await this.restart(attempt + 1);
    }
  }
}
