import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import type { Logger } from '../lib/logger';
import { projectRoot } from '../lib/paths';

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
  readonly logger?: Logger;
}

/** A running embedded Neo4j: a JVM child process serving Bolt on loopback. */
export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly port: number;
  readonly pid: number;
  /** Milliseconds from spawn to the readiness line. */
  readonly startMs: number;
  /** Stops the JVM cleanly (SIGTERM, then SIGKILL after a grace period); safe to call twice. */
  stop(): Promise<void>;
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

/** Installs the jars if needed, starts Neo4j as a child JVM and resolves once Bolt is ready. */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const logger = options.logger;
  requireTool('java', ['-version'], 'Java');
  ensureNeo4jJars(logger);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const port = options.port !== undefined && options.port !== 0 ? options.port : await freePort();
  const started = Date.now();

  // Its own process group: Ctrl-C reaches only Node, which drains HTTP before stopping Neo4j.
  const child = spawn('java', jvmArgs(options, port), {
    cwd: projectRoot,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
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
  const startMs = Date.now() - started;
  const uri = `bolt://127.0.0.1:${port}`;
  logger?.info('embedded Neo4j ready', { uri, startMs, pid: child.pid, dataDir: options.dataDir });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
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
    return stopping;
  };

  return { uri, port, pid: child.pid!, startMs, stop };
}
