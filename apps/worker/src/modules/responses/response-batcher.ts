// Moves buffered answers into PostgreSQL in batches of at least B = max(k, 10)
// (or whatever is left once the round has closed), shuffled, in one transaction
// per batch: rows of a batch share one xmin and their ctid order is random, so
// nothing finer than the batch links an answer to when it was given.
import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { withTenant } from '@pulsewise/db';
import { minimumBatch, type BufferedResponse } from '@pulsewise/jobs';
import { failpoint } from '../../common/failpoint.js';
import { WorkerDb, WorkerRedis } from '../../common/infrastructure.js';

export { minimumBatch };

/** Fisher–Yates with a cryptographic source: the order must not be predictable. */
export function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

@Injectable()
export class ResponseBatcher {
  constructor(
    private readonly db: WorkerDb,
    private readonly redis: WorkerRedis,
  ) {}

  /** Inserts every batch that is ready; returns how many answers were stored. */
  async flush(tenantId: string, roundId: string): Promise<number> {
    const round = await withTenant(this.db.client, tenantId, (tx) => tx.pulseRound.findUnique({ where: { tenantId_id: { tenantId, id: roundId } }, select: { status: true, anonymityThreshold: true } }));
    if (!round) return 0;
    const force = round.status === 'CLOSED';
    let stored = 0;
    for (;;) {
      const batch = await this.redis.buffer.claim(tenantId, roundId, minimumBatch(round.anonymityThreshold), force);
      if (batch.length === 0) return stored;
      failpoint('response-batch-claimed');
      stored += await this.insert(tenantId, roundId, batch);
      failpoint('response-batch-inserted');
      await this.redis.buffer.complete(tenantId, roundId, batch);
    }
  }

  private insert(tenantId: string, roundId: string, batch: BufferedResponse[]): Promise<number> {
    const responses = shuffle(batch);
    const comments = shuffle(batch.flatMap((r) => (r.comment ? [{ id: r.comment.id, cellUnitId: r.cell.unitId, text: r.comment.text }] : [])));
    return withTenant(this.db.client, tenantId, async (tx) => {
      // One multi-row INSERT per table, rows in the shuffled order (unnest keeps array order), so
      // the batch's ctid order stays random. Plain SQL: Prisma's createMany spent about as much
      // worker CPU per row as the insert itself (bench/README.md, submitPulse finding).
      // Conflict-ignore: a batch re-inserted after a crash stores nothing twice.
      const inserted = await tx.$executeRaw`
        INSERT INTO responses (tenant_id, id, round_id, cell_unit_id, cell_location, cell_tenure, answers)
        SELECT ${tenantId}::uuid, r.id, ${roundId}::uuid, r.cell_unit_id, r.cell_location, r.cell_tenure, r.answers
        FROM unnest(${responses.map((r) => r.id)}::uuid[], ${responses.map((r) => r.cell.unitId)}::uuid[], ${responses.map((r) => r.cell.location)}::text[],
                    ${responses.map((r) => r.cell.tenure)}::text[], ${responses.map((r) => JSON.stringify(r.answers))}::jsonb[])
             AS r(id, cell_unit_id, cell_location, cell_tenure, answers)
        ON CONFLICT DO NOTHING`;
      if (comments.length) {
        await tx.$executeRaw`
          INSERT INTO response_comments (tenant_id, id, round_id, cell_unit_id, text)
          SELECT ${tenantId}::uuid, c.id, ${roundId}::uuid, c.cell_unit_id, c.text
          FROM unnest(${comments.map((c) => c.id)}::uuid[], ${comments.map((c) => c.cellUnitId)}::uuid[], ${comments.map((c) => c.text)}::text[]) AS c(id, cell_unit_id, text)
          ON CONFLICT DO NOTHING`;
      }
      return inserted;
    });
  }
}
