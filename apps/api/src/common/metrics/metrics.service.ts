// Prometheus metrics of one API process, on a registry of its own (several apps may
// share a process in tests). Labels are bounded: routes as declared, GraphQL operations
// as `<type>.<root field>` (fields exist in the schema; anything else is "unknown") and
// error codes from our fixed list.
import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'pulsewise_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'pulsewise_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency by operation (type.rootField) and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'pulsewise_graphql_errors_total',
    help: 'GraphQL errors by operation (type.rootField) and extensions.code',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });

  constructor() {
    this.registry.setDefaultLabels({ service: 'api' });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Express middleware timing every request; the route label is the matched route, never the raw path. */
  httpMiddleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const end = this.httpDuration.startTimer();
      res.once('finish', () => {
        // Express 5 catch-alls read `{/*splat}`: drop that part (Nest's not-found handler is nothing but one).
        const declared = req.route?.path ? `${req.baseUrl}${String(req.route.path)}`.replace(/\{\/\*\w+\}$/, '') : '';
        const route = declared || (req.path.startsWith('/ops/queues') ? '/ops/queues' : 'unmatched');
        end({ method: req.method, route, status_code: String(res.statusCode) });
      });
      next();
    };
  }
}
