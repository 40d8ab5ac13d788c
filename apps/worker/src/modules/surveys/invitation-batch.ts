// A round's invitations are sent in batches: one job per part of the round, not one per person.
//
// Which part an invitation belongs to is a pure function of its id and of the round's invited
// count (fixed at launch): the uuid space is cut into `parts` equal ranges by the id's first 32
// bits (invitation ids are random v4 uuids, so each part holds about INVITATION_BATCH_SIZE of
// them). A relaunch that re-enqueues the round therefore makes exactly the same jobs with the
// same ids, whatever was sent, answered or deleted since — so two jobs never hold the same
// invitation, which is what keeps a person from getting the invitation twice (the job id is
// the lock, as the per-person job id was).
//
// The job's name, payload and id live in @pulsewise/jobs with every other job's.
import { invitationBatchPayload, jobId, JobName, type JobPayload } from '@pulsewise/jobs';

export { invitationBatchPayload };
export const SEND_INVITATION_BATCH = JobName.SEND_INVITATION_BATCH;

/** Invitations per part (on average). The job sends to those deliverable now, then waits for the next. */
export const INVITATION_BATCH_SIZE = 250;

export type InvitationBatchPayload = JobPayload<typeof JobName.SEND_INVITATION_BATCH>;

/** As many attempts per person as a per-person job had (DEFAULT_JOB_OPTIONS.attempts). */
export const MAX_SEND_ATTEMPTS = 5;

export const invitationBatchJobId = jobId.invitationBatch;

export function batchCount(invited: number): number {
  return Math.max(1, Math.ceil(invited / INVITATION_BATCH_SIZE));
}

const SPACE = 2 ** 32;
const boundary = (part: number, parts: number): number => Math.ceil((part * SPACE) / parts);
const asUuid = (prefix: number): string => `${prefix.toString(16).padStart(8, '0')}-0000-0000-0000-000000000000`;

/** The part an invitation id falls in. */
export function batchOf(invitationId: string, parts: number): number {
  const prefix = Number.parseInt(invitationId.slice(0, 8), 16);
  if (!Number.isFinite(prefix)) throw new Error(`Invalid invitation id ${JSON.stringify(invitationId)}`);
  return Math.min(parts - 1, Math.floor((prefix * parts) / SPACE));
}

/** The ids of a part, as uuid bounds: from ≤ id < to (no upper bound for the last part). */
export function batchRange(part: number, parts: number): { from: string; to: string | null } {
  return { from: asUuid(boundary(part, parts)), to: part + 1 < parts ? asUuid(boundary(part + 1, parts)) : null };
}
