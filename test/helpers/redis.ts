import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** A real Redis (Debian's redis-server) on a free loopback port, without persistence. */
export interface TestRedis {
  readonly url: string;
  /** Stops the server (an outage); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** How many clients subscribe to a channel now (PUBSUB NUMSUB): the signal a subscriber is live. */
  subscribers(channel: string): Promise<number>;
}

const INSTALL_HINT =
  'The scale-out tests start a real Redis: install it with `apt-get install redis-server` ' +
  "(Debian's package; `bash .ci/run` installs it when it is missing).";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the port takes connections and Redis answers PING. */
async function answering(port: number, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const pong = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('error', () => resolve(false));
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
    });
    if (pong) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One inline command on a fresh connection, and the first reply as text. */
function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${line}\r\n`));
    socket.once('error', reject);
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString());
    });
  });
}

/** Starts redis-server for a test file; fails with what to install when it is missing. */
export async function startTestRedis(): Promise<TestRedis> {
  if (spawnSync('redis-server', ['--version']).error) throw new Error(INSTALL_HINT);
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await answering(port);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  const subscribers = async (channel: string) => {
    // The reply is an array: the channel's name, then its count as an integer (":1").
    const count = /:(\d+)\r\n/.exec(await command(port, `PUBSUB NUMSUB ${channel}`));
    return Number(count?.[1] ?? 0);
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, stop, start, subscribers };
}
