// Bull Board at /ops/queues, for platform administrators only (see ops-access.ts).
// Read-only: retries and clean-ups go through the worker's own paths, and nobody edits
// or adds jobs by hand. Job data is shown as its ids only — a payload can hold an email's
// text with a single-use link, which no administrator should be able to read or use.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createQueue, QueueName, redisConnection } from '@pulsewise/jobs';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response, Router } from 'express';
import { Router as expressRouter } from 'express';
import { AppConfigService } from '../../common/config/app-config.service.js';
import { OPS_COOKIE, OpsAccessCheck } from './ops-access.js';

export const OPS_QUEUES_PATH = '/ops/queues';
const ID_KEY = /(^id$|Id$)/;

/** What the board shows of a job's data: its ids (tenant, round, invitation…), nothing else. */
export function jobDataForDisplay(data: unknown): Record<string, unknown> {
  if (!data || typeof data !== 'object') return {};
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) shown[key] = ID_KEY.test(key) && typeof value === 'string' ? value : '[hidden]';
  return shown;
}

// The board's page loads its own scripts and styles; the rest of the API keeps `default-src 'none'`.
const BOARD_CSP = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline' https://fonts.googleapis.com; font-src 'self' data: https://fonts.gstatic.com; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

@Injectable()
export class QueueBoard implements OnModuleDestroy {
  private readonly queues: Queue[] = [];

  constructor(
    private readonly config: AppConfigService,
    private readonly access: OpsAccessCheck,
  ) {}

  /** The express router to mount at /ops (bootstrap-app.ts). */
  router(): Router {
    const { REDIS_URL, REDIS_PREFIX, NODE_ENV, ACCESS_TOKEN_TTL_SECONDS } = this.config.values;
    const adapters = Object.values(QueueName).map((name) => {
      const queue = createQueue(name, redisConnection(REDIS_URL), REDIS_PREFIX);
      this.queues.push(queue);
      const adapter = new BullMQAdapter(queue, { readOnlyMode: true });
      adapter.setFormatter('data', jobDataForDisplay);
      adapter.setFormatter('returnValue', (value: unknown) => (typeof value === 'string' && value.length < 40 ? value : '[hidden]'));
      return adapter;
    });
    const board = new ExpressAdapter();
    board.setBasePath(OPS_QUEUES_PATH);
    createBullBoard({ queues: adapters, serverAdapter: board, options: { uiConfig: { boardTitle: 'Pulsewise queues' } } });

    const router = expressRouter();
    // A browser cannot send a bearer header when it navigates: trade one for a cookie scoped to /ops.
    router.post('/session', async (req: Request, res: Response) => {
      const access = await this.access.check(this.access.presentedToken(req, { cookie: false }));
      if (!access.ok) return void res.status(access.status).json({ error: access.message });
      res.cookie(OPS_COOKIE, access.token, { httpOnly: true, sameSite: 'strict', secure: NODE_ENV === 'production', path: '/ops', maxAge: ACCESS_TOKEN_TTL_SECONDS * 1000 });
      res.status(204).end();
    });
    router.use('/queues', async (req: Request, res: Response, next: NextFunction) => {
      const access = await this.access.check(this.access.presentedToken(req, { cookie: true }));
      if (!access.ok) {
        if (access.status === 401) res.setHeader('www-authenticate', 'Bearer');
        return void res.status(access.status).json({ error: access.message });
      }
      res.setHeader('content-security-policy', BOARD_CSP);
      res.setHeader('cache-control', 'no-store');
      next();
    }, board.getRouter() as Router);
    return router;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
  }
}
