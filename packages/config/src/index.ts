// Typed environment for every Pulsewise process. Parsing fails fast with a
// message naming each bad variable, so a misconfigured deployment never starts.
import { z } from 'zod';

const url = z.string().min(1);

/** A rate limit: at most `points` requests per `seconds`; null when "off". */
export interface RateLimitRule {
  points: number;
  seconds: number;
}

const rateLimit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx): RateLimitRule | null => {
      if (value.trim() === 'off') return null;
      const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
      const points = Number(m?.[1]);
      const seconds = Number(m?.[2]);
      if (!m || points < 1 || seconds < 1) {
        ctx.addIssue({ code: 'custom', message: 'expected "<requests>/<seconds>" (e.g. 300/60) or "off"' });
        return z.NEVER;
      }
      return { points, seconds };
    });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: url.default('postgresql://pulsewise_app@127.0.0.1:5432/pulsewise'),
  DATABASE_ADMIN_URL: url.default('postgresql://pulsewise_owner@127.0.0.1:5432/pulsewise'),
  /** Superuser connection used only to create the roles and database when missing (local machines). "off" disables it. */
  DATABASE_BOOTSTRAP_URL: url.default('postgresql://postgres@127.0.0.1:5432/postgres'),
  /**
   * Connections per process. Every GraphQL request holds one for its whole transaction: the load bench
   * (bench/README.md) saw SERVICE_UNAVAILABLE at 200 clients with 10 and none with 40. Keep
   * replicas × pool (+ worker) below PostgreSQL's max_connections (100 by default), or add PgBouncer.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(40),
  /** How long opening a PostgreSQL connection may take before the request answers SERVICE_UNAVAILABLE. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  // Rate limits, kept in Redis so they hold across API replicas: "<requests>/<seconds>" or "off".
  /**
   * Every GraphQL and REST request, per client IP. Generous: a whole office behind one NAT opens
   * its pulse at 09:00 (two requests each); per-token, per-link and guessing limits do the fine work.
   */
  RATE_LIMIT_IP: rateLimit('6000/60'),
  /** Every request with an access token, per token. */
  RATE_LIMIT_TOKEN: rateLimit('600/60'),
  /** `pulse` and `submitPulse`, per client IP (an office of ~1,500 behind one NAT answering within a minute). */
  RATE_LIMIT_PULSE_IP: rateLimit('3000/60'),
  /** `pulse` and `submitPulse`, per answer link. */
  RATE_LIMIT_PULSE_LINK: rateLimit('20/600'),
  /** Unknown or invalid answer links per client IP; past this the IP gets no pulse at all until the window ends. */
  RATE_LIMIT_PULSE_GUESSES_IP: rateLimit('20/3600'),
  /** Imports (signals, KPIs, directory; GraphQL and POST /api/signal-observations) per tenant. */
  RATE_LIMIT_IMPORT_TENANT: rateLimit('100/3600'),
  /** Imports per credential: an import key, or the signed-in person. */
  RATE_LIMIT_IMPORT_KEY: rateLimit('30/3600'),
  /** Express "trust proxy": which proxies may set X-Forwarded-For (the client IP the rate limits key on). */
  TRUST_PROXY: z.string().min(1).default('loopback'),
  REDIS_URL: url.default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key (queues, rate limits); tests use their own so they never share state. */
  REDIS_PREFIX: z.string().min(1).default('pulsewise'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  WEB_ORIGIN: z.string().default('http://localhost:5173'),
  /** Base URL that invitation links point at. */
  PUBLIC_WEB_URL: z.string().url().default('http://localhost:5173'),
  JWT_SECRET: z.string().min(32).default('dev-only-secret-change-me-0123456789abcdef'),
  /** Encrypts stored secrets such as tenants' OIDC client secrets (AES-256-GCM, key derived from this). At least 32 characters; required in production. */
  SECRETS_KEY: z.string().min(32).default('dev-only-secrets-key-change-me-0123456789abcdef'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  SMTP_URL: z.string().default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().default('Pulsewise <pulse@pulsewise.local>'),
  /** How long a worker's claim on a job lasts before another worker may take over a job whose worker died. */
  WORKER_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Bearer token Prometheus sends to scrape `/metrics` (API) and the worker's metrics port. Unset: metrics are not served. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Port of the worker's own `/metrics` (0 picks a free port, used by tests); only served with METRICS_TOKEN. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9465),
  /** Interface the worker's metrics server binds to (0.0.0.0 inside a pod so Prometheus can reach it). */
  WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** OpenTelemetry tracing: on when "true", or when an OTLP endpoint is set (unless explicitly "false"). */
  PULSEWISE_TRACING: z.enum(['true', 'false']).optional(),
  /** OTLP/HTTP collector base URL, e.g. http://otel-collector:4318 (traces go to <url>/v1/traces). */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
});

export type AppConfig = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration — ${problems}`);
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && config.JWT_SECRET.startsWith('dev-only-')) {
    throw new ConfigError('Invalid configuration — JWT_SECRET must be set in production');
  }
  if (config.NODE_ENV === 'production' && config.SECRETS_KEY.startsWith('dev-only-')) {
    throw new ConfigError('Invalid configuration — SECRETS_KEY must be set in production');
  }
  return config;
}
