// The worker's JSON log (pino), the same shape as the API's. Job payloads are never
// logged (they can hold answers); lines name the job and its id only.
import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from '@pulsewise/config';
import pino, { type Logger } from 'pino';

export function createWorkerLogger(config: Pick<AppConfig, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    base: { service: 'worker' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['data', '*.data', 'payload', '*.payload', '*.answers', '*.text', '*.token', '*.password'], censor: '[redacted]' },
  });
}

/** Nest's Logger calls (`new Logger('Worker').warn(…)`) as pino lines with a `context`. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', message: unknown, params: unknown[]): void {
    const context = typeof params.at(-1) === 'string' ? (params.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...fields, ...message });
    else {
      if (level === 'error' && typeof params[0] === 'string') fields.stack = params[0];
      this.logger[level](fields, String(message));
    }
  }

  log(message: unknown, ...params: unknown[]): void { this.write('info', message, params); }
  error(message: unknown, ...params: unknown[]): void { this.write('error', message, params); }
  warn(message: unknown, ...params: unknown[]): void { this.write('warn', message, params); }
  debug(message: unknown, ...params: unknown[]): void { this.write('debug', message, params); }
  verbose(message: unknown, ...params: unknown[]): void { this.write('trace', message, params); }
  fatal(message: unknown, ...params: unknown[]): void { this.write('fatal', message, params); }
}
