import { Module } from '@nestjs/common';
import { JOB_PROCESSORS } from './common/job-processor.js';
import { QueueRunner } from './common/queue-runner.js';
import { WorkerConfig } from './common/worker-config.js';
import { Mailer } from './modules/notifications/mailer.js';
import { SendEmailJob } from './modules/notifications/send-email.job.js';

@Module({
  providers: [
    WorkerConfig,
    Mailer,
    SendEmailJob,
    { provide: JOB_PROCESSORS, inject: [SendEmailJob], useFactory: (...processors: SendEmailJob[]) => processors },
    QueueRunner,
  ],
})
export class WorkerModule {}
