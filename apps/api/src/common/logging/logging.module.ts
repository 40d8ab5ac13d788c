// Structured JSON logs (pino): every line logged while serving a request carries its
// request id (`reqId`, taken from a well-formed `x-request-id` header or generated, and
// sent back in `x-request-id`) and the tenant it acted for (`tenantId`, null until known).
// The request and response serializers are allow-lists: method, path and status only.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { AppConfigService } from '../config/app-config.service.js';
import { attachLogContext, logContextOf, logContextStorage, REQUEST_ID } from './log-context.js';
import { logOutput } from './log-output.js';

/** Belt and braces: should anything ever put these on a log object, pino blanks them. */
export const REDACT_PATHS = [
  'req.headers', 'req.body', 'req.query', 'res.headers', 'headers', 'body', 'variables', 'query',
  '*.authorization', '*.cookie', '*.password', '*.token', '*.answers', '*.text', '*.csv', '*.accessToken', '*.refreshToken',
];

function pathOnly(url: string | undefined): string {
  const path = (url ?? '').split('?')[0] ?? '';
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

/**
 * Installed first (bootstrap-app.ts): gives the request its id and log context, and runs
 * the rest of the request inside it so every line logged on its behalf carries both.
 */
export function requestLogContext(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const context = { reqId: requestId(req, res), tenantId: null };
  attachLogContext(req, context);
  logContextStorage.run(context, next);
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => {
        const output = logOutput();
        const logger = pino(
          {
            level: output.level ?? config.values.LOG_LEVEL,
            base: { service: 'api' },
            timestamp: pino.stdTimeFunctions.isoTime,
            redact: { paths: REDACT_PATHS, censor: '[redacted]' },
            // Lines logged by application code during a request (Nest Logger → nestjs-pino) get its tenant.
            mixin: () => {
              const context = logContextStorage.getStore();
              return context ? { tenantId: context.tenantId } : {};
            },
          },
          // Silent (tests): no destination of its own, so nothing is left open when the app closes.
          output.stream ?? (output.level === 'silent' ? pino.destination(1) : pino.destination({ sync: false })),
        );
        return {
          pinoHttp: {
            logger,
            genReqId: (req: IncomingMessage, res: ServerResponse) => logContextOf(req)?.reqId ?? requestId(req, res),
            quietReqLogger: true,
            customAttributeKeys: { reqId: 'reqId' },
            serializers: {
              req: (req: { method?: string; url?: string }) => ({ method: req.method, path: pathOnly(req.url) }),
              res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
              err: pino.stdSerializers.err,
            },
            customSuccessObject: (req: IncomingMessage, _res: ServerResponse, value: object) => ({ ...value, ...completionFields(req) }),
            customErrorObject: (req: IncomingMessage, _res: ServerResponse, _error: Error, value: object) => ({ ...value, ...completionFields(req) }),
            // 'silent' when the logger would drop the line anyway: pino-http then skips building it
            // (the completion fields, the message) — at LOG_LEVEL=warn, every successful request.
            customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) => {
              const level = error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
              return logger.isLevelEnabled(level) ? level : 'silent';
            },
            autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)\b/.test(pathOnly(req.url)) },
          },
        };
      },
    }),
  ],
})
export class LoggingModule {}

function completionFields(req: IncomingMessage) {
  const context = logContextOf(req);
  return {
    tenantId: context?.tenantId ?? null,
    ...(context?.operation ? { operation: context.operation } : {}),
    ...(context?.operationName ? { operationName: context.operationName } : {}),
  };
}
