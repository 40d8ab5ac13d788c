// Answering a pulse. The participation flag and the answers never share a
// transaction: answers go to the Redis response buffer (no person, no link id,
// a fresh random response id) *before* the participation row commits, so an
// acknowledged answer is never lost; if the participation transaction fails, the
// buffered answer is taken back out. The worker inserts buffered answers later,
// in shuffled batches.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ANSWER_RANGE, withTenant } from '@pulsewise/db';
import { JobName, jobId, parsePulseToken, QueueName, ResponseBuffer, type BufferedResponse } from '@pulsewise/jobs';
import { PrismaService } from '../../common/database/prisma.service.js';
import { badInput, conflict, DomainError, ErrorCode, notFound } from '../../common/errors/domain-error.js';
import { JobQueues } from '../../common/queues/queues.module.js';
import { validateAnswers, type SubmittedAnswer } from './answer-validation.js';
import { PulseFormModel, PulseQuestionModel, PulseReceiptModel, PulseState } from './models/pulse.models.js';
import { PulseRepository } from './pulse.repository.js';

const invalidLink = () => notFound('This pulse link');
const closed = () => new DomainError(ErrorCode.PULSE_CLOSED, 'This pulse has closed. Thank you — the next one will arrive in your inbox.');
const unavailable = () => new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'We could not save your answers just now. Nothing was recorded — please try again in a minute.');

export const TENURE_LABELS: Record<string, string> = { LT1: 'less than 1 year', Y1_2: '1–2 years', Y2_5: '2–5 years', Y5_PLUS: '5 years or more', UNKNOWN: 'not recorded' };

@Injectable()
export class PulseService {
  private readonly logger = new Logger(PulseService.name);

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
    try {
      await withTenant(this.prisma.client, tenantId, async (tx) => {
        const link = await this.repo.link(tx, tenantId, tokenHash);
        if (!link) throw invalidLink();
        const invitation = link.invitation;
        roundId = invitation.roundId;
        const round = await this.repo.lockRoundForSubmit(tx, tenantId, invitation.roundId);
        if (!round || round.status !== 'OPEN' || round.closes_at <= new Date()) throw closed();
        const participation = await this.repo.lockInvitation(tx, tenantId, invitation.id);
        if (!participation || participation.responded) throw conflict('This pulse was already answered with this link. Each link counts once.');

        const questions = (await this.repo.round(tx, tenantId, invitation.roundId)).questions.map(({ question }) => question);
        const checked = validateAnswers(questions, answers);
        if (!checked.ok) throw badInput(checked.problems.map((p) => p.message).join(' '), { problems: checked.problems });

        const item: BufferedResponse = {
          id: randomUUID(),
          tenantId,
          roundId: invitation.roundId,
          cell: { unitId: invitation.cellUnitId, location: invitation.cellLocation, tenure: invitation.cellTenure },
          answers: checked.answers.values,
          ...(checked.answers.comment ? { comment: { id: randomUUID(), text: checked.answers.comment } } : {}),
        };
        await this.buffer.push(item).catch(() => {
          throw unavailable();
        });
        buffered = item;
        await this.repo.markResponded(tx, tenantId, invitation.id);
      });
    } catch (error) {
      if (buffered) await this.buffer.remove(buffered).catch((e: Error) => this.logger.error(`Could not withdraw a buffered answer after a failed submit: ${e.message}`));
      throw error instanceof DomainError ? error : unavailable();
    }
    // After commit: ask the worker to insert a batch if enough answers are waiting.
    // If this fails, the round-close job flushes everything anyway.
    await this.queues
      .add(QueueName.RESPONSES, JobName.FLUSH_RESPONSES, { tenantId, roundId: roundId! }, { jobId: jobId.flush(roundId!), removeOnComplete: true })
      .catch((e: Error) => this.logger.warn(`Flush not queued (the round close will flush): ${e.message}`));
    return Object.assign(new PulseReceiptModel(), { received: true, message: 'Thank you. Your answers were received and will only ever be shown as part of a group.' });
  }
}

function isShown(value: string): boolean {
  return value !== 'ALL' && value !== 'OTHER';
}
