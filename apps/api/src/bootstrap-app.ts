import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { AppConfigService } from './common/config/app-config.service.js';
import { requestLogContext } from './common/logging/logging.module.js';
import { setLogOutput } from './common/logging/log-output.js';
import { MetricsService } from './common/metrics/metrics.service.js';
import { generalRateLimit } from './common/rate-limit/general-rate-limit.js';
import { RateLimits } from './common/rate-limit/rate-limits.js';
import { trackInFlight } from './modules/ops/graceful-shutdown.js';
import { QueueBoard } from './modules/ops/queue-board.js';
import { scimBodyReader } from './modules/identity/scim/scim-body.js';

/** Builds the HTTP app (shared by main.ts and the integration tests). */
export async function createApp(options: { logger?: false; logStream?: DestinationStream } = {}): Promise<NestExpressApplication> {
  // JSON logs (pino); `logger: false` silences them (tests), `logStream` captures them.
  setLogOutput(options.logger === false ? { level: 'silent' } : options.logStream ? { stream: options.logStream } : {});
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    ...(options.logger === false ? { logger: false } : { bufferLogs: true }),
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  // First of all: the request id and log context every log line of the request carries.
  app.use(requestLogContext);
  app.use(trackInFlight); // graceful shutdown waits for these
  app.use(app.get(MetricsService).httpMiddleware());
  const config = app.get(AppConfigService).values;
  // Which proxies may name the client (req.ip, the key of the per-IP limits).
  const trust = config.TRUST_PROXY;
  app.set('trust proxy', trust === 'true' ? true : trust === 'false' ? false : /^\d+$/.test(trust) ? Number(trust) : trust);
  // CORS before the rate limit, so that a browser can read a 429 and its Retry-After.
  app.enableCors({ origin: config.WEB_ORIGIN.split(',').map((o) => o.trim()), credentials: true });
  // General per-IP and per-token limit (Redis), before any body is read.
  // SCIM clients are identity providers holding a bearer token: the same per-IP and per-token limits.
  app.use(['/graphql', '/api', '/scim'], generalRateLimit(app.get(RateLimits)));
  // SCIM reads its own bodies (application/scim+json; malformed JSON must answer as a SCIM error).
  app.use('/scim/v2', scimBodyReader);
  // CSV imports travel in the GraphQL body; everything else is small.
  app.useBodyParser('json', { limit: '12mb' });
  // Security headers. The API serves JSON only, so the strictest content policy fits it.
  app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }, crossOriginResourcePolicy: { policy: 'same-site' } }));
  app.use(cookieParser());
  // Bull Board and its sign-in, for platform administrators only.
  app.use('/ops', app.get(QueueBoard).router());
  // SIGTERM/SIGINT are handled by main.ts (shutDownGracefully): requests in flight finish first.
  return app;
}
