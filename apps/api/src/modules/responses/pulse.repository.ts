import { Injectable } from '@nestjs/common';
import type { Tx } from '@pulsewise/db';
import type { RoundQuestionSpec } from './answer-validation.js';

export interface SubmitLink {
  invitationId: string;
  roundId: string;
  cellUnitId: string;
  cellLocation: string;
  cellTenure: string;
}

export type MarkOutcome = { link: SubmitLink } & ({ open: false } | { open: true; marked: false } | { open: true; marked: true; anonymityThreshold: number });

@Injectable()
export class PulseRepository {
  link(tx: Tx, tenantId: string, tokenHash: string) {
    return tx.pulseLink.findUnique({
      where: { tenantId_tokenHash: { tenantId, tokenHash } },
      select: { invitation: { select: { id: true, roundId: true, responded: true, cellUnitId: true, cellLocation: true, cellTenure: true } } },
    });
  }

  /**
   * submitPulse's participation step, in one call of `pulse_submit_mark` (migration
   * 20261124110000): finds the link's invitation, takes the round's *shared* submit lock
   * (a transaction-scoped advisory lock keyed by the round — see ROUND_SUBMIT_LOCK), then,
   * in a later statement of the function and so with a snapshot taken after the lock was
   * granted, checks that the round is open and marks the invitation answered
   * (UPDATE … WHERE NOT responded). Shared locks never wait for each other and, unlike
   * `SELECT … FOR SHARE` on the round row, write nothing (no multixact per submission);
   * the round-close job takes the lock exclusively, so it waits for every submission holding
   * it to commit or roll back. A second submission with the same link waits on the row and
   * then, `NOT responded` re-checked on the committed row, marks nothing (CONFLICT).
   * Returns null for an unknown link.
   */
  async markForSubmit(tx: Tx, tenantId: string, tokenHash: string, now: Date): Promise<MarkOutcome | null> {
    const rows = await tx.$queryRaw<{ invitation_id: string; round_id: string; cell_unit_id: string; cell_location: string; cell_tenure: string; round_open: boolean; marked: boolean; anonymity_threshold: number | null }[]>`
      SELECT invitation_id::text, round_id::text, cell_unit_id::text, cell_location, cell_tenure, round_open, marked, anonymity_threshold
      FROM pulse_submit_mark(${tenantId}::uuid, ${tokenHash}, ${now}::timestamptz)`;
    const row = rows[0];
    if (!row) return null;
    const link: SubmitLink = { invitationId: row.invitation_id, roundId: row.round_id, cellUnitId: row.cell_unit_id, cellLocation: row.cell_location, cellTenure: row.cell_tenure };
    if (!row.round_open) return { link, open: false };
    if (!row.marked) return { link, open: true, marked: false };
    return { link, open: true, marked: true, anonymityThreshold: Number(row.anonymity_threshold) };
  }

  /** The round's questions (id and type only), in order: fixed once the round launched. */
  roundQuestionSpecs(tx: Tx, tenantId: string, roundId: string) {
    return tx.$queryRaw<RoundQuestionSpec[]>`
      SELECT q.id::text AS id, q.type::text AS type
      FROM round_questions rq JOIN questions q ON q.tenant_id = rq.tenant_id AND q.id = rq.question_id
      WHERE rq.tenant_id = ${tenantId}::uuid AND rq.round_id = ${roundId}::uuid
      ORDER BY rq.position`;
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
