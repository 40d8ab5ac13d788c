// The HR-system path: POST /api/signal-observations with a text/csv body and
// "Authorization: Bearer <import key>". Same validation, the same validate-all-then-write
// behaviour and the same privacy engine as the GraphQL import. Answers JSON:
// 200 with the result when imported, 422 with every row problem when nothing was written.
import { Controller, Logger, Post, Req, Res } from '@nestjs/common';
import { withTenant } from '@pulsewise/db';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/roles.decorator.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { credentialKey } from '../../common/rate-limit/client-key.js';
import { sendRateLimited } from '../../common/rate-limit/general-rate-limit.js';
import { RateLimited, RateLimits } from '../../common/rate-limit/rate-limits.js';
import { MAX_IMPORT_BYTES } from './csv-table.js';
import { hashImportKey, tenantOfImportKey } from './import-keys.js';
import { SignalsRepository } from './signals.repository.js';
import { SignalsService } from './signals.service.js';

class TooLarge extends Error {}

function readBody(req: Request, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new TooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const fail = (res: Response, status: number, code: string, message: string) => res.status(status).json({ ok: false, error: { code, message } });

@Public()
@Controller('api')
export class SignalImportController {
  private readonly logger = new Logger(SignalImportController.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly signals: SignalsService,
    private readonly repo: SignalsRepository,
    private readonly limits: RateLimits,
  ) {}

  @Post('signal-observations')
  async importObservations(@Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const header = req.headers.authorization ?? '';
      const secret = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      const tenantId = tenantOfImportKey(secret);
      if (!tenantId) return void fail(res, 401, 'UNAUTHENTICATED', 'Send an import key as "Authorization: Bearer <key>"');
      await this.limits.consume('importKey', `key:${credentialKey(secret)}`);
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'text/csv' && type !== 'text/plain') return void fail(res, 415, 'BAD_USER_INPUT', 'Send the file as text/csv');
      const csv = await readBody(req, MAX_IMPORT_BYTES);
      const result = await withTenant(
        this.prisma.client,
        tenantId,
        async (tx) => {
          const key = await this.repo.importKeyByHash(tx, hashImportKey(secret));
          if (!key || key.revokedAt) return 'unauthenticated' as const;
          // Counted only for a real key: forged keys naming a tenant must not use up its imports.
          await this.limits.consume('importTenant', tenantId);
          if ((await this.repo.tenantStatus(tx, tenantId)) !== 'ACTIVE') return 'suspended' as const;
          await this.repo.touchImportKey(tx, tenantId, key.id, { lastUsedAt: new Date() });
          return this.signals.importObservations(tx, { tenantId, importKeyId: key.id }, csv);
        },
        { timeout: 120_000 },
      );
      if (result === 'unauthenticated') return void fail(res, 401, 'UNAUTHENTICATED', 'This import key is not valid (revoked or unknown)');
      if (result === 'suspended') return void fail(res, 403, 'TENANT_SUSPENDED', 'This organisation is suspended');
      res.status(result.ok ? 200 : 422).json(result);
    } catch (error) {
      if (error instanceof RateLimited) return sendRateLimited(res, error, 'rest');
      if (error instanceof TooLarge) return void fail(res, 413, 'BAD_USER_INPUT', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      if (error instanceof DomainError) return void fail(res, 400, error.code, error.message);
      this.logger.error(`signal import failed: ${(error as Error).message}`);
      fail(res, 500, 'INTERNAL_SERVER_ERROR', 'The import failed; nothing was written. Please try again.');
    }
  }
}
