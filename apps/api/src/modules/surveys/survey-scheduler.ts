// One BullMQ job scheduler per active programme. Schedulers live in Redis, so
// they survive API and worker restarts; pausing a programme removes its scheduler.
import { Injectable } from '@nestjs/common';
import { JobName, jobId, QueueName } from '@pulsewise/jobs';
import { JobQueues } from '../../common/queues/queues.module.js';

const DAY = 24 * 3600 * 1000;

export type CadenceName = 'WEEKLY' | 'BIWEEKLY' | 'MONTHLY';

/** Launch times: weekly and biweekly every 7/14 days from the start; monthly on the 1st at 06:00 UTC. */
export function cadenceRepeat(cadence: CadenceName, startsAt: Date): { every: number; startDate: Date } | { pattern: string; startDate: Date } {
  switch (cadence) {
    case 'WEEKLY':
      return { every: 7 * DAY, startDate: startsAt };
    case 'BIWEEKLY':
      return { every: 14 * DAY, startDate: startsAt };
    case 'MONTHLY':
      return { pattern: '0 6 1 * *', startDate: startsAt };
  }
}

@Injectable()
export class SurveyScheduler {
  constructor(private readonly queues: JobQueues) {}

  async schedule(tenantId: string, programme: { id: string; cadence: CadenceName; startsAt: Date }): Promise<void> {
    await this.queues.queue(QueueName.SURVEYS).upsertJobScheduler(jobId.programmeScheduler(programme.id), cadenceRepeat(programme.cadence, programme.startsAt), {
      name: JobName.LAUNCH_ROUND,
      data: { tenantId, programmeId: programme.id, manual: false },
    });
  }

  async unschedule(programmeId: string): Promise<void> {
    await this.queues.queue(QueueName.SURVEYS).removeJobScheduler(jobId.programmeScheduler(programmeId));
  }

  async launchNow(tenantId: string, programmeId: string): Promise<void> {
    await this.queues.add(QueueName.SURVEYS, JobName.LAUNCH_ROUND, { tenantId, programmeId, manual: true }, { jobId: jobId.launch(programmeId, String(Date.now())) });
  }
}
