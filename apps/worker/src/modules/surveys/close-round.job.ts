// Closes a round at the end of its window: no more answers, the last buffered
// answers are flushed (whatever their number), the response count is recorded,
// and the round is handed to the aggregation job. Every step is idempotent, so a
// retry after a crash anywhere in between finishes the same way.
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { withTenant } from '@pulsewise/db';
import { JobName, jobId, QueueName, ROUND_SUBMIT_LOCK, roundPayload } from '@pulsewise/jobs';
import { Clock } from '../../common/clock.js';
import { WorkerDb, WorkerQueues } from '../../common/infrastructure.js';
import { parsePayload, type JobProcessor } from '../../common/job-processor.js';
import { ResponseBatcher } from '../responses/response-batcher.js';
import { freezeAudience } from './round-audience.js';

@Injectable()
export class CloseRoundJob implements JobProcessor {
  readonly jobName = JobName.CLOSE_ROUND;
  constructor(
    private readonly db: WorkerDb,
    private readonly batcher: ResponseBatcher,
    private readonly clock: Clock,
    private readonly queues: WorkerQueues,
  ) {}

  async process(job: Job) {
    const payload = parsePayload(roundPayload, job);
    const { tenantId, roundId } = payload;
    await withTenant(this.db.client, tenantId, async (tx) => {
      // The round's submit lock, exclusively: waits for every in-flight submission (each holds
      // it shared from its link lookup to its commit, its answer buffered before that commit),
      // and a submission arriving meanwhile waits for this transaction and then sees CLOSED.
      // So the count below is exact, and the flush after the commit finds every accepted answer.
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${ROUND_SUBMIT_LOCK}::int, hashtext(${roundId}::uuid::text)) IS NULL AS locked`;
      const responded = await tx.pulseInvitation.count({ where: { roundId, responded: true } });
      const closed = await tx.pulseRound.updateMany({ where: { tenantId, id: roundId, status: 'OPEN' }, data: { status: 'CLOSED', closedAt: this.clock.now(), respondedCount: responded } });
      if (closed.count) await freezeAudience(tx, tenantId, roundId);
    });
    const stored = await this.batcher.flush(tenantId, roundId);
    await this.queues.add(QueueName.RELEASES, JobName.AGGREGATE_ROUND, { tenantId, roundId }, { jobId: jobId.aggregate(roundId) });
    return { stored };
  }
}
