import { Module } from '@nestjs/common';
import { Clock } from './common/clock.js';
import { WorkerDb, WorkerQueues, WorkerRedis } from './common/infrastructure.js';
import { JOB_PROCESSORS, type JobProcessor } from './common/job-processor.js';
import { QueueRunner } from './common/queue-runner.js';
import { WorkerConfig } from './common/worker-config.js';
import { WorkerMetrics } from './common/worker-metrics.js';
import { Mailer } from './modules/notifications/mailer.js';
import { SendEmailJob } from './modules/notifications/send-email.job.js';
import { FlushResponsesJob } from './modules/responses/flush-responses.job.js';
import { ResponseBatcher } from './modules/responses/response-batcher.js';
import { AggregateRoundJob } from './modules/releases/aggregate-round.job.js';
import { RoundAggregator } from './modules/releases/round-aggregator.js';
import { SweepReleasesJob } from './modules/releases/sweep-releases.job.js';
import { ApplyRetentionJob } from './modules/retention/apply-retention.job.js';
import { CloseRoundJob } from './modules/surveys/close-round.job.js';
import { InvitationBatchDelivery } from './modules/surveys/invitation-batch-delivery.js';
import { LaunchRoundJob } from './modules/surveys/launch-round.job.js';
import { PulseDelivery } from './modules/surveys/pulse-delivery.js';
import { PulseMail } from './modules/surveys/pulse-mail.js';
import { RoundLauncher } from './modules/surveys/round-launcher.js';
import { ReminderBatchDelivery } from './modules/surveys/reminder-batch-delivery.js';
import { SendInvitationBatchJob } from './modules/surveys/send-invitation-batch.job.js';
import { SendReminderBatchJob } from './modules/surveys/send-reminder-batch.job.js';
import { SentMarks } from './modules/surveys/sent-marks.js';
import { SendInvitationJob, SendReminderJob } from './modules/surveys/send-invitation.job.js';
import { SurveyQueue } from './modules/surveys/survey-queue.js';

const PROCESSORS = [SendEmailJob, LaunchRoundJob, SendInvitationBatchJob, SendInvitationJob, SendReminderJob, SendReminderBatchJob, CloseRoundJob, FlushResponsesJob, AggregateRoundJob, SweepReleasesJob, ApplyRetentionJob];

@Module({
  providers: [
    WorkerConfig,
    WorkerMetrics,
    Clock,
    WorkerDb,
    WorkerRedis,
    WorkerQueues,
    SurveyQueue,
    Mailer,
    PulseMail,
    RoundLauncher,
    PulseDelivery,
    InvitationBatchDelivery,
    ReminderBatchDelivery,
    SentMarks,
    ResponseBatcher,
    RoundAggregator,
    ...PROCESSORS,
    { provide: JOB_PROCESSORS, inject: PROCESSORS, useFactory: (...processors: JobProcessor[]) => processors },
    QueueRunner,
  ],
})
export class WorkerModule {}
