// Every read or write of tenant data happens inside a transaction whose first
// statement scopes it to one tenant. The setting is transaction-local
// (set_config(..., true)), so a pooled connection never carries it to the next user.
import type { PrismaClient } from './generated/prisma/client.js';
import type { Tx } from './client.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TransactionOptions {
  /** Milliseconds the whole transaction may take (Prisma's default of 5 s is too short for imports). */
  timeout?: number;
}

export async function setTenant(tx: Tx, tenantId: string): Promise<void> {
  if (!UUID.test(tenantId)) throw new Error('withTenant: tenantId must be a UUID');
  await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
}

export function withTenant<T>(
  db: PrismaClient,
  tenantId: string,
  fn: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await setTenant(tx, tenantId);
      return fn(tx);
    },
    { timeout: options.timeout ?? 15_000, maxWait: 10_000 },
  );
}

export interface PlatformActor {
  tenantId: string;
  personId: string;
}

export interface PlatformAudit {
  /** Records the action in the audit log of the tenant it touched (so that tenant's admins see it too). */
  record(action: string, targetTenantId: string, details?: Record<string, unknown>): Promise<void>;
}

/**
 * The platform path: the only way to read or change tenants other than your own.
 * It is explicit (nothing else sets app.platform), and a platform transaction
 * that records no audit event is rolled back, so no platform action goes unrecorded.
 */
export function withPlatform<T>(db: PrismaClient, actor: PlatformActor, fn: (tx: Tx, audit: PlatformAudit) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.platform', 'on', true)`;
      let recorded = 0;
      const audit: PlatformAudit = {
        async record(action, targetTenantId, details = {}) {
          const [previous] = await tx.$queryRaw<{ v: string | null }[]>`SELECT current_setting('app.tenant_id', true) AS v`;
          await setTenant(tx, targetTenantId);
          await tx.auditEvent.create({
            data: { tenantId: targetTenantId, actorTenantId: actor.tenantId, actorPersonId: actor.personId, action, details: details as object },
          });
          await tx.$executeRaw`SELECT set_config('app.tenant_id', ${previous?.v ?? ''}, true)`;
          recorded++;
        },
      };
      const result = await fn(tx, audit);
      if (recorded === 0) throw new Error('withPlatform: the platform action recorded no audit event');
      return result;
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}
