import { SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import type { Logger } from './logger';

/** Whether a tracer provider is running: spans are made only then, so tracing off costs nothing. */
let tracing = false;

/**
 * Runs `work` in a span named `name` (a child of the active one), ending it with the outcome.
 * Without tracing it only runs `work`.
 */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  if (!tracing) return work();
  return trace.getTracer('credential-graph').startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Names the active span (the GraphQL one, once the operation is known). */
export function nameActiveSpan(name: string, attributes: Attributes = {}): void {
  if (!tracing) return;
  const span = trace.getActiveSpan();
  span?.updateName(name);
  span?.setAttributes(attributes);
}

/**
 * Starts exporting traces over OTLP/HTTP to `endpoint` (OTEL_EXPORTER_OTLP_ENDPOINT): HTTP
 * requests, GraphQL operations and Cypher statements by file name. The SDK is loaded only here,
 * so a registry without the variable never loads it. Returns what flushes and stops it.
 */
export async function startTracing(
  endpoint: string,
  logger: Logger,
  options: { serviceName?: string; delayMs?: number } = {},
): Promise<() => Promise<void>> {
  const [
    { NodeTracerProvider, BatchSpanProcessor },
    { OTLPTraceExporter },
    { resourceFromAttributes },
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? 'credential-graph' }),
    spanProcessors: [
      new BatchSpanProcessor(exporter, { scheduledDelayMillis: options.delayMs ?? 1_000 }),
    ],
  });
  provider.register();
  tracing = true;
  logger.info('exporting traces over OTLP', { endpoint });
  return async () => {
    tracing = false;
    await provider.shutdown().catch(() => undefined);
    trace.disable();
  };
}
