import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../lib/metrics';
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
