import type { ApolloServerPlugin } from '@apollo/server';
import { currentBookmarks } from '../db/database';
import type { Metrics } from '../lib/metrics';
import { nameActiveSpan } from '../lib/tracing';
import type { Context } from './context';

/**
 * Counts every GraphQL operation by name and outcome, times it, and counts its errors by code.
 * Subscriptions are counted when they open and close (src/server/websocket.ts).
 */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      const end = metrics.requestSeconds.startTimer();
      return Promise.resolve({
        didResolveOperation(rc) {
          const name = rc.operationName ?? 'anonymous';
          const type = rc.operation?.operation ?? 'query';
          nameActiveSpan(`graphql ${type} ${name}`, {
            'graphql.operation.name': name,
            'graphql.operation.type': type,
          });
          return Promise.resolve();
        },
        willSendResponse(rc) {
          const operation = metrics.operation(rc.operationName ?? rc.request.operationName);
          const body = rc.response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          for (const e of errors) {
            const code = typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN';
            metrics.errors.inc({ code });
          }
          metrics.requests.inc({ operation, outcome: errors.length > 0 ? 'error' : 'ok' });
          end({ operation });
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * Hands the client the bookmarks of the request's last write (or the ones it came with) in the
 * response extensions, to send back in x-bookmark for read-your-writes across instances.
 */
export function bookmarkPlugin(): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse(rc) {
          const bookmarks = currentBookmarks();
          const body = rc.response.body;
          if (bookmarks.length > 0 && body.kind === 'single') {
            body.singleResult.extensions = { ...body.singleResult.extensions, bookmarks };
          }
          return Promise.resolve();
        },
      });
    },
  };
}
