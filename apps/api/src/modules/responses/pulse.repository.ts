import { Injectable } from '@nestjs/common';
import type { Tx } from '@pulsewise/db';
import { ROUND_SUBMIT_LOCK } from '@pulsewise/jobs';
import type { RoundQuestionSpec } from './answer-validation.js';

export interface SubmitLink {
  invitationId: string;
  roundId: string;
  cellUnitId: string;
  cellLocation: string;
  cellTenure: string;
}

export type MarkOutcome = { open: false } | { open: true; marked: false } | { open: true; marked: true; anonymityThreshold: number };

@Injectable()
export class PulseRepository {
  link(tx: Tx, tenantId: string, tokenHash: string) {
    return tx.pulseLink.findUnique({
      where: { tenantId_tokenHash: { tenantId, tokenHash } },
      select: { invitation: { select: { id: true, roundId: true, responded: true, cellUnitId: true, cellLocation: true, cellTenure: true } } },
    });
  }

  /**
   * Submit, step 1: finds the link's invitation and takes the round's *shared* submit lock
   * (a transaction-scoped advisory lock keyed by the round; see ROUND_SUBMIT_LOCK). Shared
   * locks never wait for each other and, unlike `SELECT … FOR SHARE` on the round row, write
   * nothing (no multixact per concurrent submission). The round-close job takes the same
   * key exclusively, so it waits for every submission holding it to commit or roll back.
   */
  async linkForSubmit(tx: Tx, tenantId: string, tokenHash: string): Promise<SubmitLink | null> {
    const rows = await tx.$queryRaw<(SubmitLink & { locked: unknown })[]>`
      SELECT i.id::text AS "invitationId", i.round_id::text AS "roundId", i.cell_unit_id::text AS "cellUnitId",
             i.cell_location AS "cellLocation", i.cell_tenure AS "cellTenure",
             pg_advisory_xact_lock_shared(${ROUND_SUBMIT_LOCK}::int, hashtext(i.round_id::text)) IS NULL AS locked
      FROM pulse_links l JOIN pulse_invitations i ON i.tenant_id = l.tenant_id AND i.id = l.invitation_id
      WHERE l.tenant_id = ${tenantId}::uuid AND l.token_hash = ${tokenHash}`;
    const row = rows[0];
    if (!row) return null;
    return { invitationId: row.invitationId, roundId: row.roundId, cellUnitId: row.cellUnitId, cellLocation: row.cellLocation, cellTenure: row.cellTenure };
  }

  /**
   * Submit, step 2 — in a *later* statement than the lock, so that its snapshot is taken
   * after the lock was granted: checks the round is open and marks the invitation answered,
   * atomically. A concurrent submission with the same link waits on the row and then, its
   * `NOT responded` re-checked on the committed row, marks nothing (CONFLICT).
   */
  async markRespondedIfOpen(tx: Tx, tenantId: string, roundId: string, invitationId: string, now: Date): Promise<MarkOutcome> {
    const rows = await tx.$queryRaw<{ open: boolean; marked: boolean; k: number | null }[]>`
      WITH round AS (
        SELECT anonymity_threshold FROM pulse_rounds
        WHERE tenant_id = ${tenantId}::uuid AND id = ${roundId}::uuid AND status = 'OPEN' AND closes_at > ${now}::timestamptz
      ), marked AS (
        UPDATE pulse_invitations SET responded = true
        WHERE tenant_id = ${tenantId}::uuid AND id = ${invitationId}::uuid AND NOT responded AND EXISTS (SELECT 1 FROM round)
        RETURNING 1
      )
      SELECT EXISTS (SELECT 1 FROM round) AS open, EXISTS (SELECT 1 FROM marked) AS marked, (SELECT anonymity_threshold FROM round) AS k`;
    const row = rows[0]!;
    if (!row.open) return { open: false };
    if (!row.marked) return { open: true, marked: false };
    return { open: true, marked: true, anonymityThreshold: Number(row.k) };
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
