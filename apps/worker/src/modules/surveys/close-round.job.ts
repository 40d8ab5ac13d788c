// Closes a round at the end of its window: no more answers, the last buffered
// answers are flushed (whatever their number), and the response count is recorded.
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { withTenant } from '@pulsewise/db';
import { JobName, roundPayload } from '@pulsewise/jobs';
import { Clock } from '../../common/clock.js';
import { WorkerDb } from '../../common/infrastructure.js';
import { parsePayload, type JobProcessor } from '../../common/job-processor.js';
import { ResponseBatcher } from '../responses/response-batcher.js';

@Injectable()
export class CloseRoundJob implements JobProcessor {
  readonly jobName = JobName.CLOSE_ROUND;
  constructor(
    private readonly db: WorkerDb,
    private readonly batcher: ResponseBatcher,
    private readonly clock: Clock,
  ) {}

  async process(job: Job) {
    const payload = parsePayload(roundPayload, job);
    const { tenantId, roundId } = payload;
    await withTenant(this.db.client, tenantId, async (tx) => {
      // The exclusive lock waits for in-flight submissions (they hold a shared lock on the round).
      await tx.$queryRaw`SELECT id FROM pulse_rounds WHERE tenant_id = ${tenantId}::uuid AND id = ${roundId}::uuid FOR UPDATE`;
      const responded = await tx.pulseInvitation.count({ where: { roundId, responded: true } });
      await tx.pulseRound.updateMany({ where: { tenantId, id: roundId, status: 'OPEN' }, data: { status: 'CLOSED', closedAt: this.clock.now(), respondedCount: responded } });
    });
    const stored = await this.batcher.flush(tenantId, roundId);
    return { stored };
  }
}
