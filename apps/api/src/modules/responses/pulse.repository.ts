import { Injectable } from '@nestjs/common';
import { withPooledConnection, type PgPool, type Tx } from '@pulsewise/db';
import type { RoundQuestionSpec } from './answer-validation.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Bounds each statement of the submit transaction (a wait on the round's lock or the invitation row). */
const STATEMENT_TIMEOUT_MS = 15_000;

interface QueryResult<R> {
  rows: R[];
}

interface MarkRow {
  invitation_id: string;
  round_id: string;
  cell_unit_id: string;
  cell_location: string;
  cell_tenure: string;
  round_open: boolean;
  marked: boolean;
  anonymity_threshold: number | null;
}

/** Reads inside the submit transaction (same connection, same tenant). */
export interface SubmitReads {
  /** The round's questions (id and type only), in order: fixed once the round launched. */
  roundQuestionSpecs(roundId: string): Promise<RoundQuestionSpec[]>;
}

function markOutcome(row: MarkRow): MarkOutcome {
  const link: SubmitLink = { invitationId: row.invitation_id, roundId: row.round_id, cellUnitId: row.cell_unit_id, cellLocation: row.cell_location, cellTenure: row.cell_tenure };
  if (!row.round_open) return { link, open: false };
  if (!row.marked) return { link, open: true, marked: false };
  return { link, open: true, marked: true, anonymityThreshold: Number(row.anonymity_threshold) };
}

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
   * submitPulse's participation transaction, in two round trips on one pooled connection (the
   * pool Prisma runs on): Prisma's interactive transaction spends four — BEGIN, set_config, the
   * mark, COMMIT — each through its query engine (measured: bench/README.md, submitPulse finding).
   *
   * 1. One simple-protocol message: `BEGIN`, the tenant for row-level security (and a statement
   *    timeout, as Prisma's transaction timeout bounded the old path), then `pulse_submit_mark`
   *    (migration 20261124110000): finds the link's invitation, takes the round's *shared* submit
   *    lock (a transaction-scoped advisory lock keyed by the round — see ROUND_SUBMIT_LOCK), then,
   *    in a later statement of the function and so with a snapshot taken after the lock was
   *    granted, checks that the round is open and marks the invitation answered
   *    (UPDATE … WHERE NOT responded). Shared locks never wait for each other and write nothing;
   *    the round-close job takes the lock exclusively, so it waits for every submission holding
   *    it to commit or roll back. A second submission with the same link waits on the row and
   *    then, `NOT responded` re-checked on the committed row, marks nothing (CONFLICT).
   * 2. `decide` runs with the transaction and the lock held (null outcome: unknown link); it
   *    returns to COMMIT, or throws to ROLLBACK.
   *
   * The simple protocol takes no parameters, so the three values are literals: the tenant id and
   * the token hash are checked against their exact shapes (a UUID, a hex SHA-256), the time is
   * Date.toISOString(), and all three are escaped as well.
   */
  async submitTransaction<T>(pool: PgPool, tenantId: string, tokenHash: string, now: Date, decide: (outcome: MarkOutcome | null, reads: SubmitReads) => Promise<T>): Promise<T> {
    if (!UUID.test(tenantId) || !SHA256_HEX.test(tokenHash)) throw new Error('submitTransaction: malformed tenant id or token hash');
    // A failure rolls back; a connection that dies meanwhile (while `decide` waits on Redis) is
    // dropped from the pool, not reused (withPooledConnection).
    return withPooledConnection(pool, async (client) => {
      const tenant = client.escapeLiteral(tenantId);
      const results = (await client.query(
        `BEGIN; SELECT set_config('app.tenant_id', ${tenant}, true), set_config('statement_timeout', '${STATEMENT_TIMEOUT_MS}', true); ` +
          `SELECT invitation_id::text, round_id::text, cell_unit_id::text, cell_location, cell_tenure, round_open, marked, anonymity_threshold ` +
          `FROM pulse_submit_mark(${tenant}::uuid, ${client.escapeLiteral(tokenHash)}, ${client.escapeLiteral(now.toISOString())}::timestamptz)`,
      )) as unknown as QueryResult<MarkRow>[];
      const row = results[2]?.rows[0];
      const reads: SubmitReads = {
        roundQuestionSpecs: async (roundId) =>
          (
            await client.query<RoundQuestionSpec>(
              `SELECT q.id::text AS id, q.type::text AS type
               FROM round_questions rq JOIN questions q ON q.tenant_id = rq.tenant_id AND q.id = rq.question_id
               WHERE rq.tenant_id = $1::uuid AND rq.round_id = $2::uuid
               ORDER BY rq.position`,
              [tenantId, roundId],
            )
          ).rows,
      };
      const value = await decide(row ? markOutcome(row) : null, reads);
      await client.query('COMMIT');
      return value;
    });
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
