import { EXPLORER_PATH, explorerHandler } from '../explorer';
import { isRead, type Route } from './http-io';

/**
 * The explorer's files (sirv lists them once, then streams them): not rate-limited, like /health.
 * Anything but a read of them is not found.
 */
export function explorerRoute(notFound: Route['handle']): Route {
  const serve = explorerHandler();
  return {
    name: `${EXPLORER_PATH}/{file}`,
    matches: (pathname) => pathname === EXPLORER_PATH || pathname.startsWith(`${EXPLORER_PATH}/`),
    handle(req, res, info) {
      if (!isRead(req)) return notFound(req, res, info);
      serve(req, res);
    },
  };
}
