import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { projectRoot } from '../lib/paths';

/** Where the explorer page is served, and where `vite build` writes it (explorer/vite.config.mjs). */
export const EXPLORER_PATH = '/explorer';
export const EXPLORER_DIR = path.join(projectRoot, 'dist', 'explorer');

/**
 * The page only talks to this origin's /graphql and loads only its own files; the policy says so,
 * so an injected script or a stray third-party load is refused by the browser.
 */
const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * Serves the built explorer (sirv: ETags, precompressed files, ranges). Hashed assets are cached
 * for a year; the page itself is revalidated. Before `vite build` has run, /explorer says how to
 * build it.
 */
export function explorerHandler(
  dir = EXPLORER_DIR,
): (req: IncomingMessage, res: ServerResponse) => void {
  const built = fs.existsSync(path.join(dir, 'index.html'));
  const files = built
    ? sirv(dir, {
        dev: false,
        etag: true,
        gzip: true,
        brotli: true,
        setHeaders: (res, pathname) => {
          for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
          res.setHeader(
            'cache-control',
            pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      })
    : undefined;
  return (req, res) => {
    if (req.url === EXPLORER_PATH || req.url?.startsWith(`${EXPLORER_PATH}?`)) {
      // The page's relative links resolve under /explorer/; a relative location keeps any path
      // prefix a proxy put in front.
      const query = req.url.slice(EXPLORER_PATH.length);
      res.writeHead(308, { location: `explorer/${query}` }).end();
      return;
    }
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        files
          ? 'Not found in the explorer.\n'
          : 'The explorer page is not built: run `npm run build` and start the registry again ' +
              '(`npm start` does both).\n',
      );
    };
    if (!files) {
      notFound();
      return;
    }
    // sirv serves paths relative to the explorer's folder.
    req.url = (req.url ?? '').slice(EXPLORER_PATH.length) || '/';
    files(req, res, notFound);
  };
}
