import type { Tx } from '@pulsewise/db';
import type { Viewer } from '../graphql/request-context.js';

/** Appends an admin action to the tenant's audit log, inside the caller's transaction (so it commits or rolls back with the action). */
export async function recordAudit(tx: Tx, viewer: Viewer, action: string, details: Record<string, unknown>): Promise<void> {
  await tx.auditEvent.create({
    data: { tenantId: viewer.tenantId, actorTenantId: viewer.tenantId, actorPersonId: viewer.personId, action, details: details as object },
  });
}
