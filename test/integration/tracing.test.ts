import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFileSync, spawn } from 'node:child_process';
import { ADMIN_KEY } from '../helpers/fixtures';
import { postGraphQL, testNeo4jUri } from '../helpers/registry';

/** A stand-in OTLP/HTTP collector on loopback: keeps the span names it is sent. */
async function startCollector() {
  const spans: { name: string; parent: string; id: string; attributes: Record<string, unknown> }[] =
    [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const doc = JSON.parse(body);
      for (const rs of doc.resourceSpans ?? []) {
        for (const ss of rs.scopeSpans ?? []) {
          for (const s of ss.spans ?? []) {
            spans.push({
              name: s.name,
              id: s.spanId,
              parent: s.parentSpanId ?? '',
              attributes: Object.fromEntries(
                (s.attributes ?? []).map((a: any) => [a.key, Object.values(a.value)[0]]),
              ),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, spans, close: () => server.close() };
}

/** A free loopback port. */
async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The registry as a real process (`node dist/src/index.js`, as `npm start` runs it) on the test
 * Neo4j: the OTLP exporter loads Node's http module in a way jest's module sandbox does not allow.
 */
async function startProcess(
  env: Record<string, string>,
): Promise<{ url: string; stop(): Promise<void> }> {
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      stdio: 'inherit',
    },
  );
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/index.js'], {
    env: {
      ...process.env,
      NEO4J_URI: testNeo4jUri(),
      NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      ADMIN_API_KEY: ADMIN_KEY,
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${url}/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error('the registry did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

describe('traces over OTLP', () => {
  it('exports HTTP, GraphQL operation and Cypher spans, nested, when the endpoint is set', async () => {
    const collector = await startCollector();
    const registry = await startProcess({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url });
    try {
      const gql = (query: string, key: string) =>
        postGraphQL<any>(`${registry.url}/graphql`, query, {}, key);
      const provider = await gql(
        'mutation { registerProvider(input: {id: "traced", name: "Traced", kind: UNIVERSITY}) { apiKey } }',
        ADMIN_KEY,
      );
      const key = provider.data.registerProvider.apiKey as string;
      const res = await gql(
        'mutation Traced { registerCredential(input: {externalId: "traced-1", title: "Traced", credentialType: BADGE}) { credential { id } } }',
        key,
      );
      expect(res.errors).toBeUndefined();
    } finally {
      // Stopping flushes the spans still batched.
      await registry.stop();
      collector.close();
    }
    const names = collector.spans.map((s) => s.name);
    expect(names).toContain('POST /graphql');
    expect(names).toContain('graphql mutation Traced');
    const upsert = collector.spans.find((s) => s.name === 'cypher credential/upsert');
    expect(upsert?.attributes['db.system.name']).toBe('neo4j');
    // The Cypher span sits under the GraphQL operation span, which sits under the HTTP span.
    const byId = new Map(collector.spans.map((s) => [s.id, s]));
    const graphql = byId.get(upsert!.parent);
    expect(graphql?.name).toBe('graphql mutation Traced');
    expect(byId.get(graphql!.parent)?.name).toBe('POST /graphql');
  });
});
