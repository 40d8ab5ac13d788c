import { Injectable } from '@nestjs/common';
import type { Tx } from '@pulsewise/db';

@Injectable()
export class PulseRepository {
  link(tx: Tx, tenantId: string, tokenHash: string) {
    return tx.pulseLink.findUnique({
      where: { tenantId_tokenHash: { tenantId, tokenHash } },
      select: { invitation: { select: { id: true, roundId: true, responded: true, cellUnitId: true, cellLocation: true, cellTenure: true } } },
    });
  }

  /** Shared lock: the round cannot close while a submission into it is in flight. */
  async lockRoundForSubmit(tx: Tx, tenantId: string, roundId: string) {
    const rows = await tx.$queryRaw<{ status: 'OPEN' | 'CLOSED'; closes_at: Date; anonymity_threshold: number }[]>`
      SELECT status::text AS status, closes_at, anonymity_threshold FROM pulse_rounds WHERE tenant_id = ${tenantId}::uuid AND id = ${roundId}::uuid FOR SHARE`;
    return rows[0] ?? null;
  }

  /** Exclusive lock on the invitation: two submissions with the same link are serialised; the second sees responded = true. */
  async lockInvitation(tx: Tx, tenantId: string, invitationId: string) {
    const rows = await tx.$queryRaw<{ responded: boolean }[]>`
      SELECT responded FROM pulse_invitations WHERE tenant_id = ${tenantId}::uuid AND id = ${invitationId}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  }

  markResponded(tx: Tx, tenantId: string, invitationId: string) {
    return tx.pulseInvitation.update({ where: { tenantId_id: { tenantId, id: invitationId } }, data: { responded: true } });
  }

  round(tx: Tx, tenantId: string, roundId: string) {
    return tx.pulseRound.findUniqueOrThrow({
      where: { tenantId_id: { tenantId, id: roundId } },
      select: {
        status: true, closesAt: true, anonymityThreshold: true,
        tenant: { select: { name: true } },
        questions: { orderBy: { position: 'asc' }, select: { question: { select: { id: true, type: true, text: true } } } },
      },
    });
  }

  /**
   * Whether the invitee sits directly in a unit that has sub-units, among fewer than k people
   * of this round: such a "(direct)" group is counted in no result (see the privacy engine's
   * excludeSmallResidualGroups), and the pulse page must say so rather than promise otherwise.
   */
  async inSmallDirectGroup(tx: Tx, tenantId: string, roundId: string, unitId: string, roundK: number): Promise<boolean> {
    const hasChildren = (await tx.orgUnit.count({ where: { tenantId, parentId: unitId } })) > 0;
    if (!hasChildren) return false;
    const policy = await tx.tenantPolicy.findUnique({ where: { tenantId }, select: { anonymityThreshold: true } });
    const k = Math.max(roundK, policy?.anonymityThreshold ?? roundK);
    return (await tx.pulseInvitation.count({ where: { tenantId, roundId, cellUnitId: unitId } })) < k;
  }

  unitWithAncestors(tx: Tx, tenantId: string, unitId: string) {
    return tx.$queryRaw<{ name: string; path: string; depth: number }[]>`
      WITH RECURSIVE up AS (
        SELECT id, parent_id, name, path, 0 AS depth FROM org_units WHERE tenant_id = ${tenantId}::uuid AND id = ${unitId}::uuid
        UNION ALL
        SELECT o.id, o.parent_id, o.name, o.path, up.depth + 1 FROM org_units o JOIN up ON o.tenant_id = ${tenantId}::uuid AND o.id = up.parent_id
      ) SELECT name, path, depth FROM up ORDER BY depth DESC`;
  }
}
