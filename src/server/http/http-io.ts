import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What every HTTP handler of the registry shares: the refusal answered before GraphQL runs,
 * bounded body reads, JSON answers, request ids and the read-your-writes bookmarks header.
 */

/** An HTTP-level refusal, answered before GraphQL runs. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** What a route is given besides the request and response. */
export interface RequestInfo {
  readonly url: URL;
  readonly requestId: string;
}

/** One thing the HTTP server answers: a path (or family of paths) and its handler. */
export interface Route {
  /** The name traces group by: a path, or a pattern such as `/credentials/{id}`. */
  readonly name: string;
  matches(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, info: RequestInfo): Promise<void> | void;
}

/**
 * Reads a request body of at most `max` bytes. A larger one is answered 413 as soon as it is seen
 * (announced by its length, or streamed past the limit) and the connection is closed after the
 * answer, so an oversized upload costs nothing more.
 */
export function readBody(req: IncomingMessage, max: number): Promise<string> {
  const announced = Number(req.headers['content-length'] ?? NaN);
  const tooLarge = () =>
    new HttpRefusal(413, 'BAD_REQUEST', `The request body is over ${max} bytes.`, {
      connection: 'close',
    });
  if (Number.isFinite(announced) && announced > max) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** At most this many bookmarks in one x-bookmark header. */
const MAX_BOOKMARKS = 16;
const BOOKMARK = /^[A-Za-z0-9:+/=._-]{1,512}$/;

/**
 * The bookmarks a client sends back (x-bookmark, comma-separated) so its reads see its earlier
 * writes made through any instance.
 */
export function bookmarksIn(header: string | string[] | undefined): string[] {
  if (header === undefined) return [];
  const values = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (values.length > MAX_BOOKMARKS || values.some((b) => !BOOKMARK.test(b))) {
    throw new HttpRefusal(
      400,
      'BAD_REQUEST',
      `x-bookmark takes up to ${MAX_BOOKMARKS} bookmarks, comma-separated, as the registry gave them.`,
    );
  }
  return values;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, refusal: HttpRefusal, details?: object): void {
  sendJson(
    res,
    refusal.status,
    { errors: [{ message: refusal.message, extensions: { code: refusal.code, ...details } }] },
    refusal.headers,
  );
}

/** The caller's request id when it is a plain token, else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

/** Whether a request only reads (GET or HEAD). */
export function isRead(req: IncomingMessage): boolean {
  return req.method === 'GET' || req.method === 'HEAD';
}
