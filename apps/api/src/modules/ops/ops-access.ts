// Who may use the operations pages: a live session of a PLATFORM_ADMIN of the platform
// tenant, shown by a valid access token (Authorization: Bearer, or the `pw_ops` cookie
// that POST /ops/session sets from one). The same checks as the GraphQL auth guard:
// signature and expiry, then the session, the person and the tenant in the database.
import { Injectable } from '@nestjs/common';
import { withTenant } from '@pulsewise/db';
import type { Request } from 'express';
import { PrismaService } from '../../common/database/prisma.service.js';
import { AccessTokens } from '../auth/access-token.js';

export const OPS_COOKIE = 'pw_ops';

export type OpsAccess = { ok: true; token: string } | { ok: false; status: 401 | 403 | 503; message: string };

@Injectable()
export class OpsAccessCheck {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly prisma: PrismaService,
  ) {}

  presentedToken(req: Request, { cookie }: { cookie: boolean }): string | undefined {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) return header.slice(7);
    return cookie ? ((req as { cookies?: Record<string, string> }).cookies?.[OPS_COOKIE] ?? undefined) : undefined;
  }

  async check(token: string | undefined): Promise<OpsAccess> {
    if (!token) return { ok: false, status: 401, message: 'Sign in as a platform administrator' };
    const claims = await this.tokens.verify(token);
    if (!claims) return { ok: false, status: 401, message: 'Your session has expired. Please sign in again.' };
    let session;
    try {
      session = await withTenant(this.prisma.client, claims.tenantId, (tx) =>
        tx.session.findUnique({
          where: { tenantId_id: { tenantId: claims.tenantId, id: claims.sessionId } },
          select: { revokedAt: true, personId: true, person: { select: { roles: true, active: true } }, tenant: { select: { status: true, kind: true } } },
        }),
      );
    } catch {
      return { ok: false, status: 503, message: 'The database is not answering right now. Please try again shortly.' };
    }
    if (!session || session.revokedAt || session.personId !== claims.personId || !session.person.active) {
      return { ok: false, status: 401, message: 'Your session has ended. Please sign in again.' };
    }
    const platformAdmin = session.tenant.kind === 'PLATFORM' && session.tenant.status !== 'SUSPENDED' && session.person.roles.includes('PLATFORM_ADMIN');
    if (!platformAdmin) return { ok: false, status: 403, message: 'Platform administrators only' };
    return { ok: true, token };
  }
}
