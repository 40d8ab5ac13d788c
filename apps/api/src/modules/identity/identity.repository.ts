import { Injectable } from '@nestjs/common';
import type { Tx } from '@pulsewise/db';

const TOKEN = { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

@Injectable()
export class IdentityRepository {
  /** Pre-authentication: the tenant whose enabled SSO answers to an organisation slug or email domain (SECURITY DEFINER). */
  async findSsoTenant(tx: Tx, key: string): Promise<{ tenantId: string; slug: string; name: string }[]> {
    const rows = await tx.$queryRaw<{ tenant_id: string; tenant_slug: string; tenant_name: string }[]>`SELECT tenant_id, tenant_slug, tenant_name FROM sso_find_tenant(${key})`;
    return rows.map((r) => ({ tenantId: r.tenant_id, slug: r.tenant_slug, name: r.tenant_name }));
  }

  ssoConfig(tx: Tx, tenantId: string) {
    return tx.tenantSsoConfig.findUnique({ where: { tenantId } });
  }

  saveSsoConfig(tx: Tx, tenantId: string, data: { issuer: string; clientId: string; clientSecretEnc: string; allowedDomains: string[]; enabled: boolean; passwordSignIn: boolean }) {
    return tx.tenantSsoConfig.upsert({ where: { tenantId }, create: { tenantId, ...data }, update: data });
  }

  deleteSsoConfig(tx: Tx, tenantId: string) {
    return tx.tenantSsoConfig.deleteMany({ where: { tenantId } });
  }

  tenant(tx: Tx, tenantId: string) {
    return tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true, name: true, status: true } });
  }

  /** An active person of this tenant with that (lower-case) email. */
  activePersonByEmail(tx: Tx, email: string) {
    return tx.person.findFirst({ where: { email, active: true }, select: { id: true, roles: true } });
  }

  scimTokens(tx: Tx) {
    return tx.scimToken.findMany({ select: TOKEN, orderBy: { createdAt: 'desc' } });
  }

  scimToken(tx: Tx, tenantId: string, id: string) {
    return tx.scimToken.findUnique({ where: { tenantId_id: { tenantId, id } }, select: TOKEN });
  }

  createScimToken(tx: Tx, data: { tenantId: string; name: string; tokenHash: string; createdBy: string }) {
    return tx.scimToken.create({ data, select: TOKEN });
  }

  revokeScimToken(tx: Tx, tenantId: string, id: string, now: Date) {
    return tx.scimToken.update({ where: { tenantId_id: { tenantId, id } }, data: { revokedAt: now }, select: TOKEN });
  }
}
