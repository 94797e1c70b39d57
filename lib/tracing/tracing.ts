import { diag, DiagLogLevel, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { Logger } from '../logger';

/** The process's tracing: on only when an OTLP endpoint is configured. */
export interface Tracing {
  enabled: boolean;
  /** Sends the spans still buffered, then stops exporting. */
  shutdown(): Promise<void>;
}

const OFF: Tracing = { enabled: false, shutdown: async () => undefined };
let current: Tracing = OFF;

/** Whether spans are recorded and exported in this process (the HTTP middleware asks). */
export function tracingEnabled(): boolean {
  return current.enabled;
}

/**
 * Turns tracing on when the standard OpenTelemetry variables ask for it:
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`), and not
 * `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none`. The exporter reads the rest of the
 * standard variables itself (headers, timeout, compression); `OTEL_SERVICE_NAME` overrides
 * `serviceName`. With no endpoint nothing is loaded into the request path at all.
 *
 * The W3C trace-context propagator and an AsyncLocalStorage context manager are registered,
 * so @apollo/gateway's own spans (gateway.request, gateway.plan, gateway.fetch) join ours and
 * a subgraph's spans join the gateway's through the `traceparent` header.
 */
export function startTracing(serviceName: string, log: Logger, env: NodeJS.ProcessEnv = process.env): Tracing {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint || env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return OFF;
  // The SDK's own complaints (an unreachable collector) go to our log, not to stderr.
  diag.setLogger(
    {
      error: (message, ...args) => log.warn({ args }, `opentelemetry: ${message}`),
      warn: (message, ...args) => log.warn({ args }, `opentelemetry: ${message}`),
      info: () => undefined,
      debug: () => undefined,
      verbose: () => undefined,
    },
    DiagLogLevel.WARN,
  );
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  log.info({ endpoint, serviceName: env.OTEL_SERVICE_NAME ?? serviceName }, 'tracing: exporting spans over OTLP');
  current = {
    enabled: true,
    shutdown: async () => {
      current = OFF;
      await provider.shutdown();
      trace.disable();
    },
  };
  return current;
}
