// The contract between the API and the worker: queue and job names, payload
// schemas, and how to connect. Both sides import it; neither defines its own.
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { z } from 'zod';

export const QueueName = {
  EMAIL: 'email',
  SURVEYS: 'surveys',
  RESPONSES: 'responses',
  RELEASES: 'releases',
  MAINTENANCE: 'maintenance',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  SEND_EMAIL: 'send-email',
  LAUNCH_ROUND: 'pulse.launch-round',
  SEND_INVITATION: 'pulse.send-invitation',
  SEND_INVITATION_BATCH: 'pulse.send-invitation-batch',
  SEND_REMINDER: 'pulse.send-reminder',
  SEND_REMINDER_BATCH: 'pulse.send-reminder-batch',
  CLOSE_ROUND: 'pulse.close-round',
  FLUSH_RESPONSES: 'responses.flush',
  AGGREGATE_ROUND: 'releases.aggregate-round',
  SWEEP_RELEASES: 'releases.sweep',
  APPLY_RETENTION: 'retention.apply',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** Which queue each job travels on (the worker refuses to start if a job has no handler). */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SEND_EMAIL]: QueueName.EMAIL,
  [JobName.LAUNCH_ROUND]: QueueName.SURVEYS,
  [JobName.SEND_INVITATION]: QueueName.SURVEYS,
  [JobName.SEND_INVITATION_BATCH]: QueueName.SURVEYS,
  [JobName.SEND_REMINDER]: QueueName.SURVEYS,
  [JobName.SEND_REMINDER_BATCH]: QueueName.SURVEYS,
  [JobName.CLOSE_ROUND]: QueueName.SURVEYS,
  [JobName.FLUSH_RESPONSES]: QueueName.RESPONSES,
  [JobName.AGGREGATE_ROUND]: QueueName.RELEASES,
  [JobName.SWEEP_RELEASES]: QueueName.RELEASES,
  [JobName.APPLY_RETENTION]: QueueName.MAINTENANCE,
};

export const sendEmailPayload = z.object({
  to: z.string().email(),
  subject: z.string().min(1).max(200),
  text: z.string().min(1).max(20_000),
  html: z.string().max(100_000).optional(),
});
export type SendEmailPayload = z.infer<typeof sendEmailPayload>;

const uuid = z.string().uuid();

export const launchRoundPayload = z.object({
  tenantId: uuid,
  programmeId: uuid,
  /** Set by manual launches ("launch now"); scheduled launches derive the sequence from the clock. */
  manual: z.boolean().default(false),
});
export const invitationPayload = z.object({ tenantId: uuid, invitationId: uuid });
/** One part of a round's invitations (the worker's invitation-batch.ts says how a round is cut into parts). */
export const invitationBatchPayload = z
  .object({
    tenantId: uuid,
    roundId: uuid,
    /** This part, 0 ≤ part < parts. */
    part: z.number().int().min(0),
    /** How many parts the round has (fixed from the round's invited count). */
    parts: z.number().int().min(1).max(1_000_000),
    /** Failed SMTP attempts per invitation so far (a person is given up after a fixed number). */
    failures: z.record(z.string(), z.number().int().min(1)).optional(),
  })
  .refine((p) => p.part < p.parts, { message: 'part must be below parts', path: ['part'] });
export const reminderPayload = z.object({ tenantId: uuid, invitationId: uuid, reminder: z.union([z.literal(1), z.literal(2)]) });
/**
 * One reminder (1st or 2nd) for the invitations of one part of a round that one run of that
 * part's invitation batch sent — those marked SENT at `sentAt` (the worker's
 * reminder-batch.ts says why that set is fixed and belongs to no other job).
 */
export const reminderBatchPayload = z
  .object({
    tenantId: uuid,
    roundId: uuid,
    part: z.number().int().min(0),
    parts: z.number().int().min(1).max(1_000_000),
    reminder: z.union([z.literal(1), z.literal(2)]),
    /** When the invitations were sent (their send_at once marked SENT), ISO 8601 with its zone. */
    sentAt: z.string().datetime({ offset: true }),
    /** Failed SMTP attempts per invitation so far (a person is given up after a fixed number). */
    failures: z.record(z.string(), z.number().int().min(1)).optional(),
  })
  .refine((p) => p.part < p.parts, { message: 'part must be below parts', path: ['part'] });
export const roundPayload = z.object({ tenantId: uuid, roundId: uuid });
/** Sweeps (releases, retention) cover every tenant; they carry nothing. */
export const sweepPayload = z.object({}).strict();

export const JOB_PAYLOADS = {
  [JobName.SEND_EMAIL]: sendEmailPayload,
  [JobName.LAUNCH_ROUND]: launchRoundPayload,
  [JobName.SEND_INVITATION]: invitationPayload,
  [JobName.SEND_INVITATION_BATCH]: invitationBatchPayload,
  [JobName.SEND_REMINDER]: reminderPayload,
  [JobName.SEND_REMINDER_BATCH]: reminderBatchPayload,
  [JobName.CLOSE_ROUND]: roundPayload,
  [JobName.FLUSH_RESPONSES]: roundPayload,
  [JobName.AGGREGATE_ROUND]: roundPayload,
  [JobName.SWEEP_RELEASES]: sweepPayload,
  [JobName.APPLY_RETENTION]: sweepPayload,
} satisfies Record<JobName, z.ZodType>;

export type JobPayload<N extends JobName> = z.input<(typeof JOB_PAYLOADS)[N]>;

/** Deterministic job ids make enqueueing idempotent: the same logical job is only ever queued once. (BullMQ forbids ":" in ids.) */
export const jobId = {
  launch: (programmeId: string, nonce: string) => `launch-${programmeId}-${nonce}`,
  invitation: (invitationId: string) => `invite-${invitationId}`,
  invitationBatch: (roundId: string, part: number, parts: number) => `invites-${roundId}-${part}of${parts}`,
  reminder: (invitationId: string, n: 1 | 2) => `remind-${invitationId}-${n}`,
  reminderBatch: (roundId: string, part: number, parts: number, n: 1 | 2, sentAt: Date) => `reminders-${roundId}-${part}of${parts}-${n}-${sentAt.getTime()}`,
  close: (roundId: string) => `close-${roundId}`,
  flush: (roundId: string) => `flush-${roundId}`,
  aggregate: (roundId: string) => `aggregate-${roundId}`,
  releaseSweepScheduler: 'releases-sweep-monthly',
  retentionScheduler: 'retention-daily',
  programmeScheduler: (programmeId: string) => `programme-${programmeId}`,
};

export { minimumBatch, ResponseBuffer, ROUND_SUBMIT_LOCK, type BufferedResponse } from './response-buffer.js';

/** BullMQ needs maxRetriesPerRequest: null on its connections. */
export function redisConnection(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
  };
}

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function createQueue(name: QueueName, connection: ConnectionOptions, prefix: string): Queue {
  return new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
}

/** Validates the payload before it ever reaches Redis. */
export async function enqueue<N extends JobName>(queue: Queue, name: N, payload: JobPayload<N>, options: JobsOptions = {}): Promise<void> {
  const data = JOB_PAYLOADS[name].parse(payload);
  await queue.add(name, data, options);
}
export { newPulseToken, parsePulseToken, hashPulseSecret } from './pulse-token.js';
