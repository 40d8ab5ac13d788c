// OpenTelemetry tracing, off unless configured: PULSEWISE_TRACING=true, or an
// OTEL_EXPORTER_OTLP_ENDPOINT (PULSEWISE_TRACING=false wins over the endpoint).
// Spans for incoming HTTP, express, GraphQL (no argument values), PostgreSQL
// (parameterised SQL, never values) and Redis (command names only — the response
// buffer carries answers in its arguments) go to an OTLP/HTTP collector.
//
// It must start before the instrumented modules load, so main.ts awaits it and only
// then imports the app; the ESM loader hook lets it patch modules loaded by `import`.
import { register } from 'node:module';
import { Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@pulsewise/config';
import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface Tracing {
  shutdown(): Promise<void>;
}

export function tracingEnabled(config: Pick<AppConfig, 'PULSEWISE_TRACING' | 'OTEL_EXPORTER_OTLP_ENDPOINT'>): boolean {
  if (config.PULSEWISE_TRACING === 'false') return false;
  return config.PULSEWISE_TRACING === 'true' || Boolean(config.OTEL_EXPORTER_OTLP_ENDPOINT);
}

/** Attributes that may carry a query string (a GET /graphql carries its variables there). */
const URL_ATTRIBUTES = ['http.url', 'http.target', 'url.full'];

/** Strips query strings from URL attributes before a span leaves the process. */
export class RedactingSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}
  onStart(span: Span, context: Context): void {
    this.next.onStart(span, context);
  }
  onEnd(span: ReadableSpan): void {
    const attributes = span.attributes as Record<string, unknown>;
    for (const key of URL_ATTRIBUTES) {
      const value = attributes[key];
      if (typeof value === 'string' && value.includes('?')) attributes[key] = value.slice(0, value.indexOf('?'));
    }
    delete attributes['url.query'];
    delete attributes['http.request.header.authorization'];
    delete attributes['http.request.header.cookie'];
    this.next.onEnd(span);
  }
  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }
  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}

let active: Tracing | undefined;

/** Flushes the last spans when the app shuts down (SIGTERM). */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await active?.shutdown().catch(() => undefined);
    active = undefined;
  }
}

@Module({ providers: [TracingShutdown] })
export class TracingModule {}

export async function startTracing(config: AppConfig, serviceName = 'pulsewise-api'): Promise<Tracing | undefined> {
  if (!tracingEnabled(config)) return undefined;
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const [{ NodeSDK }, { OTLPTraceExporter }, { BatchSpanProcessor }, http, express, graphql, pg, ioredis] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-express'),
    import('@opentelemetry/instrumentation-graphql'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-ioredis'),
  ]);
  const endpoint = (config.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318').replace(/\/$/, '');
  const sdk = new NodeSDK({
    serviceName: config.OTEL_SERVICE_NAME ?? serviceName,
    spanProcessors: [new RedactingSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` })))],
    instrumentations: [
      new http.HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health|metrics)\b/.test(req.url ?? '') }),
      new express.ExpressInstrumentation(),
      new graphql.GraphQLInstrumentation({ allowValues: false, mergeItems: true, ignoreTrivialResolveSpans: true }),
      new pg.PgInstrumentation({ enhancedDatabaseReporting: false }),
      new ioredis.IORedisInstrumentation({ dbStatementSerializer: (command) => command }),
    ],
  });
  sdk.start();
  active = { shutdown: () => sdk.shutdown() };
  return active;
}
