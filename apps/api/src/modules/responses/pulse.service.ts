// Answering a pulse. The participation flag and the answers never share a
// transaction: answers go to the Redis response buffer (no person, no link id,
// a fresh random response id) *before* the participation row commits, so an
// acknowledged answer is never lost; if the participation transaction fails, the
// buffered answer is taken back out. The worker inserts buffered answers later,
// in shuffled batches. A round cannot close while a submission into it is in flight
// (the round's submit lock, shared here and exclusive in the close job: see submit()).
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ANSWER_RANGE, withTenant } from '@pulsewise/db';
import { JobName, jobId, minimumBatch, parsePulseToken, QueueName, ResponseBuffer, type BufferedResponse } from '@pulsewise/jobs';
import { PrismaService } from '../../common/database/prisma.service.js';
import { badInput, conflict, DomainError, ErrorCode, notFound } from '../../common/errors/domain-error.js';
import { JobQueues } from '../../common/queues/queues.module.js';
import { validateAnswers, type RoundQuestionSpec, type SubmittedAnswer } from './answer-validation.js';
import { PulseFormModel, PulseQuestionModel, PulseReceiptModel, PulseState } from './models/pulse.models.js';
import { PulseRepository, type SubmitReads } from './pulse.repository.js';

const invalidLink = () => notFound('This pulse link');
const closed = () => new DomainError(ErrorCode.PULSE_CLOSED, 'This pulse has closed. Thank you — the next one will arrive in your inbox.');
const unavailable = () => new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'We could not save your answers just now. Nothing was recorded — please try again in a minute.');

/** Rounds whose questions are kept in memory (oldest entry dropped first). */
const QUESTION_CACHE_SIZE = 1_000;

export const TENURE_LABELS: Record<string, string> = { LT1: 'less than 1 year', Y1_2: '1–2 years', Y2_5: '2–5 years', Y5_PLUS: '5 years or more', UNKNOWN: 'not recorded' };

@Injectable()
export class PulseService {
  private readonly logger = new Logger(PulseService.name);
  private readonly questions = new Map<string, RoundQuestionSpec[]>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly repo: PulseRepository,
    private readonly queues: JobQueues,
    @Inject(ResponseBuffer) private readonly buffer: ResponseBuffer,
  ) {}

  async form(token: string): Promise<PulseFormModel> {
    const parsed = parsePulseToken(token);
    if (!parsed) throw invalidLink();
    const { tenantId, tokenHash } = parsed;
    return withTenant(this.prisma.client, tenantId, async (tx) => {
      const link = await this.repo.link(tx, tenantId, tokenHash);
      if (!link) throw invalidLink();
      const invitation = link.invitation;
      const round = await this.repo.round(tx, tenantId, invitation.roundId);
      const units = await this.repo.unitWithAncestors(tx, tenantId, invitation.cellUnitId);
      const state = round.status !== 'OPEN' || round.closesAt <= new Date() ? PulseState.CLOSED : invitation.responded ? PulseState.ANSWERED : PulseState.OPEN;
      const notCounted = await this.repo.inSmallDirectGroup(tx, tenantId, invitation.roundId, invitation.cellUnitId, round.anonymityThreshold);
      const countsIn = notCounted
        ? []
        : [
            ...units.map((u) => (u.path === '' ? `${u.name} (whole organisation)` : u.path)),
            ...(isShown(invitation.cellLocation) ? [`Location: ${invitation.cellLocation}`] : []),
            ...(isShown(invitation.cellTenure) ? [`Tenure: ${TENURE_LABELS[invitation.cellTenure] ?? invitation.cellTenure}`] : []),
          ];
      const ownUnit = units[units.length - 1]?.name ?? '';
      const notCountedReason = notCounted
        ? `Fewer than ${round.anonymityThreshold} people sit directly in ${ownUnit} (above its teams). So that nobody can work out their answers from the totals, answers and comments from this group are not counted in any result.`
        : null;
      return Object.assign(new PulseFormModel(), {
        organizationName: round.tenant.name,
        state,
        closesAt: round.closesAt,
        anonymityThreshold: round.anonymityThreshold,
        countsIn,
        notCountedReason,
        questions: state === PulseState.OPEN ? round.questions.map(({ question: q }) => Object.assign(new PulseQuestionModel(), { ...q, ...(q.type === 'COMMENT' ? { min: null, max: null } : ANSWER_RANGE[q.type]) })) : [],
      });
    });
  }

  async submit(token: string, answers: SubmittedAnswer[]): Promise<PulseReceiptModel> {
    const parsed = parsePulseToken(token);
    if (!parsed) throw invalidLink();
    const { tenantId, tokenHash } = parsed;
    let buffered: BufferedResponse | undefined;
    let roundId: string | undefined;
    let batch = 0;
    let pending = 0;
    try {
      // Two round trips (PulseRepository.submitTransaction): BEGIN + tenant + one call that finds
      // the link, takes the round's shared submit lock and then — with a snapshot taken after the
      // lock was granted — checks that the round is open and marks the invitation answered; then,
      // after the answer is buffered, COMMIT.
      // Why this keeps "no answer after the close, none lost by it": the close job takes
      // the same lock exclusively before it sets CLOSED (and counts the answered
      // invitations), so it waits until every submission holding it has committed — its
      // answer already pushed to the buffer — or rolled back; it flushes the buffer only
      // after its own commit, so it finds those answers there. A submission arriving
      // meanwhile queues behind the close and then sees CLOSED.
      await this.repo.submitTransaction(this.prisma.pool, tenantId, tokenHash, new Date(), async (outcome, reads) => {
        if (!outcome) throw invalidLink();
        const { link } = outcome;
        roundId = link.roundId;
        if (!outcome.open) throw closed();
        if (!outcome.marked) throw conflict('This pulse was already answered with this link. Each link counts once.');

        const checked = validateAnswers(await this.questionsOf(reads, tenantId, link.roundId), answers);
        if (!checked.ok) throw badInput(checked.problems.map((p) => p.message).join(' '), { problems: checked.problems });

        const item: BufferedResponse = {
          id: randomUUID(),
          tenantId,
          roundId: link.roundId,
          cell: { unitId: link.cellUnitId, location: link.cellLocation, tenure: link.cellTenure },
          answers: checked.answers.values,
          ...(checked.answers.comment ? { comment: { id: randomUUID(), text: checked.answers.comment } } : {}),
        };
        // Last step before the commit: buffered before the participation row commits.
        pending = await this.buffer.push(item).catch(() => {
          throw unavailable();
        });
        buffered = item;
        batch = minimumBatch(outcome.anonymityThreshold);
      });
    } catch (error) {
      if (buffered) await this.buffer.remove(buffered).catch((e: Error) => this.logger.error(`Could not withdraw a buffered answer after a failed submit: ${e.message}`));
      throw error instanceof DomainError ? error : unavailable();
    }
    // After commit: ask the worker to insert a batch each time the pending list reaches a
    // multiple of the batch size B (the list grows one push at a time, so no multiple is
    // skipped on the way up). A flush job still running deduplicates the request
    // (same jobId); the next multiple asks again. Whatever stays below B — or is missed
    // because this add fails — is flushed by the round-close job, which flushes everything.
    if (pending % batch === 0) {
      await this.queues
        .add(QueueName.RESPONSES, JobName.FLUSH_RESPONSES, { tenantId, roundId: roundId! }, { jobId: jobId.flush(roundId!), removeOnComplete: true, removeOnFail: true })
        .catch((e: Error) => this.logger.warn(`Flush not queued (the round close will flush): ${e.message}`));
    }
    return Object.assign(new PulseReceiptModel(), { received: true, message: 'Thank you. Your answers were received and will only ever be shown as part of a group.' });
  }

  /**
   * A round's questions (id and type), kept in memory: they are written with the round in the
   * launch transaction and never change afterwards (editing a question makes a new version with
   * a new id). Asked only once the round was found open, so only launched rounds are cached.
   */
  private async questionsOf(reads: SubmitReads, tenantId: string, roundId: string): Promise<RoundQuestionSpec[]> {
    const key = `${tenantId}:${roundId}`;
    const cached = this.questions.get(key);
    if (cached) return cached;
    const specs = await reads.roundQuestionSpecs(roundId);
    if (this.questions.size >= QUESTION_CACHE_SIZE) this.questions.delete(this.questions.keys().next().value!);
    this.questions.set(key, specs);
    return specs;
  }
}

function isShown(value: string): boolean {
  return value !== 'ALL' && value !== 'OTHER';
}
