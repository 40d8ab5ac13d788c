import { Injectable } from '@nestjs/common';
import type { Tx } from '@pulsewise/db';

export interface AccountMatch {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  tenantStatus: 'ACTIVE' | 'SUSPENDED';
  tenantKind: 'CUSTOMER' | 'PLATFORM';
  personId: string;
}

@Injectable()
export class AuthRepository {
  /** The only pre-authentication read: which organisations know this email (SECURITY DEFINER function). */
  async findAccounts(tx: Tx, email: string): Promise<AccountMatch[]> {
    const rows = await tx.$queryRaw<
      { tenant_id: string; tenant_slug: string; tenant_name: string; tenant_status: 'ACTIVE' | 'SUSPENDED'; tenant_kind: 'CUSTOMER' | 'PLATFORM'; person_id: string }[]
    >`SELECT tenant_id, tenant_slug, tenant_name, tenant_status::text AS tenant_status, tenant_kind::text AS tenant_kind, person_id FROM auth_find_accounts(${email})`;
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      tenantSlug: r.tenant_slug,
      tenantName: r.tenant_name,
      tenantStatus: r.tenant_status,
      tenantKind: r.tenant_kind,
      personId: r.person_id,
    }));
  }

  passwordHash(tx: Tx, tenantId: string, personId: string): Promise<string | null> {
    return tx.credential
      .findUnique({ where: { tenantId_personId: { tenantId, personId } }, select: { passwordHash: true } })
      .then((c) => c?.passwordHash ?? null);
  }

  setPassword(tx: Tx, tenantId: string, personId: string, passwordHash: string) {
    return tx.credential.upsert({
      where: { tenantId_personId: { tenantId, personId } },
      create: { tenantId, personId, passwordHash },
      update: { passwordHash },
    });
  }

  createSession(tx: Tx, data: { tenantId: string; personId: string; refreshTokenHash: string; expiresAt: Date }) {
    return tx.session.create({ data, select: { id: true } });
  }

  findSession(tx: Tx, tenantId: string, sessionId: string) {
    return tx.session.findUnique({
      where: { tenantId_id: { tenantId, id: sessionId } },
      select: { id: true, personId: true, refreshTokenHash: true, expiresAt: true, revokedAt: true, person: { select: { active: true } } },
    });
  }

  rotateSession(tx: Tx, tenantId: string, sessionId: string, refreshTokenHash: string, expiresAt: Date) {
    return tx.session.update({ where: { tenantId_id: { tenantId, id: sessionId } }, data: { refreshTokenHash, expiresAt } });
  }

  revokeSession(tx: Tx, tenantId: string, sessionId: string, now: Date) {
    return tx.session.updateMany({ where: { tenantId, id: sessionId, revokedAt: null }, data: { revokedAt: now } });
  }

  /** Password sign-in is off when the tenant's SSO says so, except for tenant admins (their way back in if the provider breaks). */
  async passwordSignInAllowed(tx: Tx, tenantId: string, personId: string): Promise<boolean> {
    const [sso, person] = await Promise.all([
      tx.tenantSsoConfig.findUnique({ where: { tenantId }, select: { enabled: true, passwordSignIn: true } }),
      tx.person.findUnique({ where: { tenantId_id: { tenantId, id: personId } }, select: { roles: true } }),
    ]);
    return !sso || !sso.enabled || sso.passwordSignIn || Boolean(person?.roles.includes('TENANT_ADMIN'));
  }

  viewer(tx: Tx, tenantId: string, personId: string) {
    return tx.person.findUnique({
      where: { tenantId_id: { tenantId, id: personId } },
      select: { id: true, email: true, displayName: true, roles: true, tenant: { select: { id: true, name: true, slug: true, status: true, createdAt: true } } },
    });
  }
}
