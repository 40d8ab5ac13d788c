// Single-use links that let an invited person set their password:
// "<tenantId>.<256-bit secret>", stored only as sha256(secret), valid 7 days.
import { Injectable } from '@nestjs/common';
import { withTenant, type Tx } from '@pulsewise/db';
import { PrismaService } from '../../common/database/prisma.service.js';
import { DomainError, ErrorCode } from '../../common/errors/domain-error.js';
import { hashSecret, newSecret } from './refresh-token.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VALID_DAYS = 7;

@Injectable()
export class InvitationTokens {
  constructor(private readonly prisma: PrismaService) {}

  /** Creates an invitation inside the caller's transaction and returns the token for the email. */
  async create(tx: Tx, tenantId: string, personId: string): Promise<{ token: string; expiresAt: Date }> {
    const secret = newSecret();
    const expiresAt = new Date(Date.now() + VALID_DAYS * 24 * 3600 * 1000);
    await tx.invitation.create({ data: { tenantId, personId, tokenHash: hashSecret(secret), expiresAt } });
    return { token: `${tenantId}.${secret}`, expiresAt };
  }

  tenantOf(token: string): string | null {
    const [tenantId] = token.split('.');
    return tenantId && UUID.test(tenantId) ? tenantId : null;
  }

  /** Spends the token once; `use` runs in the same transaction, so a failure leaves the token unspent. */
  async redeem<T>(token: string, use: (tx: Tx, invitation: { tenantId: string; personId: string }) => Promise<T>): Promise<T> {
    const invalid = new DomainError(ErrorCode.BAD_USER_INPUT, 'This invitation link is not valid. Ask your administrator for a new one.');
    const tenantId = this.tenantOf(token);
    const secret = token.split('.')[1];
    if (!tenantId || !secret) throw invalid;
    return withTenant(this.prisma.client, tenantId, async (tx) => {
      const invitation = await tx.invitation.findUnique({ where: { tenantId_tokenHash: { tenantId, tokenHash: hashSecret(secret) } } });
      if (!invitation) throw invalid;
      if (invitation.usedAt) throw new DomainError(ErrorCode.CONFLICT, 'This invitation link has already been used. Sign in instead.');
      if (invitation.expiresAt <= new Date()) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'This invitation link has expired. Ask your administrator for a new one.');
      const claimed = await tx.invitation.updateMany({ where: { tenantId, id: invitation.id, usedAt: null }, data: { usedAt: new Date() } });
      if (claimed.count !== 1) throw new DomainError(ErrorCode.CONFLICT, 'This invitation link has already been used. Sign in instead.');
      return use(tx, { tenantId, personId: invitation.personId });
    });
  }
}
