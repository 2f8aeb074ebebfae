// The attack catalogue: requests an attacker would send to a public GraphQL registry, each with
// the answers that count as handled (a coded refusal, or a correct result). Loopback only: every
// attack targets the registry URL it is given, and each sends a bounded number of requests.
import http from 'node:http';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** What one attack request got back. */
export interface Outcome {
  readonly attack: string;
  /** HTTP status, or 101 for a WebSocket exchange. */
  readonly status: number;
  /** extensions.code of the first error, if any. */
  readonly code: string | null;
  /** Whether the answer carried data without errors. */
  readonly result: boolean;
  readonly ms: number;
  /** Why the answer does not count as handled; null when it does. */
  readonly failure: string | null;
  readonly bytes: number;
}

/** One attack: a name, what counts as handled, and how to send it once. */
export interface Attack {
  readonly name: string;
  /** Codes that count as a handled refusal; a result counts when `resultOk`. */
  readonly codes: readonly string[];
  readonly resultOk: boolean;
  send(target: Target): Promise<Omit<Outcome, 'attack' | 'failure'>>;
}

/** Where the attacks go, and what they may use of the registry's data. */
export interface Target {
  /** http://127.0.0.1:<port>/graphql */
  readonly url: string;
  /** A credential, a skill and a job role that exist. */
  readonly credentialId: string;
  readonly skillId: string;
  readonly roleId: string;
}

interface RawOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer[];
  path?: string;
}

/** One raw HTTP request on loopback; never throws for an HTTP answer. */
export function rawRequest(
  target: Target,
  options: RawOptions,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; ms: number }> {
  const url = new URL(target.url);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
    return Promise.reject(new Error('The hostile catalogue only targets loopback.'));
  }
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: options.path ?? url.pathname,
        method: options.method ?? 'POST',
        headers: options.headers ?? { 'content-type': 'application/json' },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer in 30 s')));
    req.on('error', reject);
    if (Array.isArray(options.body)) for (const chunk of options.body) req.write(chunk);
    else if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function judge(status: number, body: string, ms: number) {
  let code: string | null = null;
  let result = false;
  try {
    const parsed = JSON.parse(body) as {
      data?: unknown;
      errors?: { extensions?: { code?: string } }[];
    };
    code = parsed.errors?.[0]?.extensions?.code ?? null;
    result = parsed.data !== undefined && parsed.data !== null && !parsed.errors;
  } catch {
    code = 'NOT_JSON';
  }
  return { status, code, result, ms, bytes: Buffer.byteLength(body) };
}

function post(
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  // Built once: the attacker should spend its CPU sending, not serialising megabytes again.
  let body: string | undefined;
  return async (target: Target) => {
    body ??= JSON.stringify({ query, variables });
    const res = await rawRequest(target, {
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return judge(res.status, res.body, res.ms);
  };
}

type Send = (target: Target) => ReturnType<ReturnType<typeof post>>;

/** An attack whose request depends on the target, built once. */
function once(build: (target: Target) => Send): Send {
  let built: Send | undefined;
  return (target) => (built ??= build(target))(target);
}

function nested(levels: number, a: string, b: string, leaf = 'id'): string {
  let selection = leaf;
  for (let i = 0; i < levels; i++) selection = `${i % 2 ? b : a} { ${selection} }`;
  return selection;
}

/** credential -> skills -> skill -> credentials, `levels` times: a subscription fan-out. */
function deepCredential(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++) {
    selection = `skills { skill { credentials { credential { ${selection} } } } }`;
  }
  return selection;
}

/** A 3 MB body in 64 KiB chunks, sent without a length. */
const CHUNKS = Array.from({ length: 48 }, () => Buffer.alloc(64 * 1024, 'y'));

const BATCH = JSON.stringify(
  Array.from({ length: 1000 }, () => ({ query: '{ registry { skills } }' })),
);

const REFUSED = ['QUERY_TOO_COMPLEX', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED'];
const LIMITED = ['RATE_LIMITED'];

/** Subscribes over graphql-ws and reports how the server answered within a second. */
function subscribe(query: string, authorization?: string, count = 1) {
  return async (target: Target) => {
    const started = performance.now();
    const client = createClient({
      url: target.url.replace('http://', 'ws://'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      connectionParams: authorization ? { authorization } : {},
    });
    const errors: string[] = [];
    let closed: number | null = null;
    const disposers: (() => void)[] = [];
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      for (let i = 0; i < count; i++) {
        disposers.push(
          client.subscribe(
            { query },
            {
              next: () => undefined,
              error: (e: unknown) => {
                if (e && typeof e === 'object' && 'code' in e) {
                  closed = Number(e.code);
                  clearTimeout(timer);
                  resolve();
                } else errors.push(JSON.stringify(e));
              },
              complete: () => undefined,
            },
          ),
        );
      }
    });
    disposers.forEach((d) => d());
    await client.dispose();
    const body = errors.join('\n');
    const code =
      closed === 4403
        ? 'UNAUTHENTICATED'
        : (/"code":"([A-Z_]+)"/.exec(body)?.[1] ?? (errors.length ? 'UNKNOWN' : null));
    return {
      status: 101,
      code,
      result: errors.length === 0 && closed === null,
      ms: performance.now() - started,
      bytes: body.length,
    };
  };
}

/** Every attack of the catalogue. */
export function attackCatalogue(): Attack[] {
  const deepSkill = (levels: number) =>
    once((t) => post(`{ skill(id: "${t.skillId}") { ${nested(levels, 'broader', 'narrower')} } }`));
  return [
    {
      name: 'deep fan-out (skill broader/narrower, 14 levels)',
      codes: REFUSED,
      resultOk: false,
      send: deepSkill(14),
    },
    {
      name: 'fan-out inside the depth limit (8 levels)',
      codes: REFUSED,
      resultOk: false,
      send: deepSkill(8),
    },
    {
      name: 'alias bomb: 1,000 gapClosingPlan',
      codes: REFUSED,
      resultOk: false,
      send: once((t) =>
        post(
          `{ ${Array.from(
            { length: 1000 },
            (_, i) => `p${i}: gapClosingPlan(roleId: "${t.roleId}", skills: []) { totalHours }`,
          ).join(' ')} }`,
        ),
      ),
    },
    {
      name: 'alias bomb inside the token limit: 40 skillGap',
      codes: REFUSED,
      resultOk: false,
      send: once((t) =>
        post(
          `{ ${Array.from(
            { length: 40 },
            (_, i) => `g${i}: skillGap(roleId: "${t.roleId}", skills: []) { coverage }`,
          ).join(' ')} }`,
        ),
      ),
    },
    {
      name: 'duplicate fields: 20,000 times the same field',
      codes: REFUSED,
      resultOk: false,
      send: post(`{ registry { ${'skills '.repeat(20_000)} } }`),
    },
    {
      name: 'directive bomb: 200 @include',
      codes: REFUSED,
      resultOk: false,
      send: post(`{ registry { skills ${'@include(if: true) '.repeat(200)} } }`),
    },
    {
      name: '10,000 nested levels',
      codes: REFUSED,
      resultOk: false,
      send: post(`{ ${'a { '.repeat(10_000)}b${' }'.repeat(10_000)} }`),
    },
    {
      name: 'a 3 MB body',
      codes: ['BAD_REQUEST'],
      resultOk: false,
      send: post('{ registry { skills } }', { pad: 'x'.repeat(3e6) }),
    },
    {
      name: 'a 3 MB body, chunked without a length',
      codes: ['BAD_REQUEST'],
      resultOk: false,
      send: async (t) => {
        const res = await rawRequest(t, {
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
          body: CHUNKS,
        });
        return judge(res.status, res.body, res.ms);
      },
    },
    {
      name: 'malformed JSON',
      codes: ['BAD_REQUEST'],
      resultOk: false,
      send: async (t) => {
        const res = await rawRequest(t, { body: '{"query": "{ registry { skills } }"' });
        return judge(res.status, res.body, res.ms);
      },
    },
    {
      name: 'a form post instead of JSON',
      codes: ['BAD_REQUEST'],
      resultOk: false,
      send: async (t) => {
        const res = await rawRequest(t, {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'query=%7B+registry+%7B+skills+%7D+%7D',
        });
        return judge(res.status, res.body, res.ms);
      },
    },
    {
      name: 'a batch of 1,000 operations in one body',
      codes: ['BAD_REQUEST', 'BAD_USER_INPUT'],
      resultOk: false,
      send: async (t) => {
        const res = await rawRequest(t, { body: BATCH });
        return judge(res.status, res.body, res.ms);
      },
    },
    {
      name: 'a mutation over GET',
      codes: ['BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED'],
      resultOk: false,
      send: async (t) => {
        const query = encodeURIComponent('mutation { createLearner { apiKey } }');
        const res = await rawRequest(t, {
          method: 'GET',
          path: `/graphql?query=${query}`,
          headers: { 'apollo-require-preflight': 'true' },
        });
        return judge(res.status, res.body, res.ms);
      },
    },
    {
      name: 'a subscription over HTTP',
      codes: ['BAD_REQUEST'],
      resultOk: false,
      send: post('subscription { credentialRegistered { id } }'),
    },
    {
      name: 'Lucene special characters in search',
      codes: [],
      resultOk: true,
      send: post('query($t: String!) { search(text: $t, first: 5) { score } }', {
        t: 'a:b~ (c) [d] {e} ^f \\ /g/ *? "h AND OR NOT && || !',
      }),
    },
    {
      name: 'an invalid API key on a public read',
      codes: ['UNAUTHENTICATED'],
      resultOk: false,
      send: post('{ registry { skills } }', undefined, { authorization: 'Bearer cg_admin_guess' }),
    },
    {
      name: 'a malformed Authorization header',
      codes: ['UNAUTHENTICATED'],
      resultOk: false,
      send: post('{ registry { skills } }', undefined, { authorization: 'Basic YWRtaW46YWRtaW4=' }),
    },
    {
      name: 'control characters and a bidi override in an anonymous write',
      codes: ['BAD_USER_INPUT', ...LIMITED],
      resultOk: false,
      send: post('mutation($n: String) { createLearner(input: { displayName: $n }) { apiKey } }', {
        n: 'Mallory\u202E\u0000\u001b[2J',
      }),
    },
    {
      name: 'a 1 MB string where 100 characters are allowed',
      codes: ['BAD_USER_INPUT', ...LIMITED],
      resultOk: false,
      send: post('mutation($n: String) { createLearner(input: { displayName: $n }) { apiKey } }', {
        n: 'z'.repeat(1_000_000),
      }),
    },
    {
      name: 'a 1 MB string where an integer belongs',
      codes: ['BAD_USER_INPUT'],
      resultOk: false,
      send: post('query($n: Int!) { search(text: "x", first: $n) { score } }', {
        n: 'z'.repeat(1_000_000),
      }),
    },
    {
      name: 'a burst of anonymous createLearner',
      codes: LIMITED,
      resultOk: true,
      send: post('mutation { createLearner { learner { id } } }'),
    },
    {
      name: 'first far over the page size',
      codes: ['BAD_USER_INPUT', 'QUERY_TOO_COMPLEX'],
      resultOk: false,
      send: post('{ credentials(first: 1000000) { nodes { id } } }'),
    },
    {
      name: 'a deep subscription selection',
      codes: REFUSED,
      resultOk: false,
      send: subscribe(`subscription { credentialRegistered { ${deepCredential(8)} } }`),
    },
    {
      name: 'subscription amplification: 40 on one connection',
      codes: LIMITED,
      resultOk: false,
      send: subscribe(
        'subscription { credentialRegistered { id title skills { skill { label } } } }',
        undefined,
        40,
      ),
    },
    {
      name: 'a WebSocket with an invalid key',
      codes: ['UNAUTHENTICATED'],
      resultOk: false,
      send: subscribe('subscription { credentialRegistered { id } }', 'Bearer cg_prov_guess'),
    },
  ];
}

/** Sends one attack and judges the answer. */
export async function runAttack(attack: Attack, target: Target): Promise<Outcome> {
  try {
    const got = await attack.send(target);
    // Any request may meet the rate limit first: that is a coded refusal too.
    const handled =
      (got.result && attack.resultOk) ||
      (got.code !== null && (attack.codes.includes(got.code) || got.code === 'RATE_LIMITED'));
    const failure = handled
      ? null
      : `answered ${got.status} ${got.code ?? (got.result ? 'with data' : 'without a code')}`;
    return { attack: attack.name, ...got, failure };
  } catch (error) {
    return {
      attack: attack.name,
      status: 0,
      code: null,
      result: false,
      ms: 0,
      bytes: 0,
      failure: `no answer: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    };
  }
}

/** A summary of a hostile run, as the test, the script and the benchmark print it. */
export interface HostileSummary {
  readonly requests: number;
  readonly failures: Outcome[];
  readonly byCode: Record<string, number>;
  readonly slowestRefusalMs: number;
  readonly slowestRefusal: string;
}

/** Runs every attack `rounds` times with `concurrency` in flight, bounded by `maxMs`. */
export async function runCatalogue(
  target: Target,
  options: { rounds: number; concurrency: number; maxMs: number },
): Promise<HostileSummary> {
  const attacks = attackCatalogue();
  const queue = Array.from({ length: options.rounds }, () => attacks).flat();
  const outcomes: Outcome[] = [];
  const stopAt = Date.now() + options.maxMs;
  const worker = async () => {
    for (let a = queue.shift(); a && Date.now() < stopAt; a = queue.shift()) {
      outcomes.push(await runAttack(a, target));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  const byCode: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.result ? 'RESULT' : (o.code ?? 'NONE');
    byCode[key] = (byCode[key] ?? 0) + 1;
  }
  const refusals = outcomes.filter((o) => !o.result && o.failure === null && o.status !== 101);
  const slowest = refusals.reduce<Outcome | null>((m, o) => (!m || o.ms > m.ms ? o : m), null);
  return {
    requests: outcomes.length,
    failures: outcomes.filter((o) => o.failure !== null),
    byCode,
    slowestRefusalMs: slowest?.ms ?? 0,
    slowestRefusal: slowest?.attack ?? '',
  };
}
