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

/**
 * The platform path: the only way to read or change tenants other than your own.
 * It is explicit (nothing else sets app.platform) and every call writes an audit
 * event in the same transaction, so a platform action without a record cannot commit.
 */
export function withPlatform<T>(
  db: PrismaClient,
  actor: PlatformActor,
  action: { name: string; targetTenantId?: (result: T) => string | undefined; details?: Record<string, unknown> },
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.platform', 'on', true)`;
      const result = await fn(tx);
      const target = action.targetTenantId?.(result) ?? actor.tenantId;
      // The audit row belongs to the affected tenant so its admins can see platform actions on them.
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${target}, true)`;
      await tx.auditEvent.create({
        data: {
          tenantId: target,
          actorTenantId: actor.tenantId,
          actorPersonId: actor.personId,
          action: action.name,
          details: (action.details ?? {}) as object,
        },
      });
      return result;
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}
