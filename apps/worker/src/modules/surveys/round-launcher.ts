// Launching a round: freeze the audience (who, in which cell), pick the
// questions, plan each person's invitation inside their own working hours and
// outside quiet hours, count (never silently drop) people over their monthly
// pulse budget — then, after commit, enqueue the delayed invitation jobs and the
// round-close job. Idempotent: a retried launch finds the round it already made
// and only (re-)enqueues, with deterministic job ids.
import { Injectable, Logger } from '@nestjs/common';
import { withTenant, type Tx } from '@pulsewise/db';
import { JobName, jobId, QueueName } from '@pulsewise/jobs';
import { Clock } from '../../common/clock.js';
import { WorkerDb, WorkerQueues } from '../../common/infrastructure.js';
import { audienceUnits, coarsenCells, questionsForRound, tenureBand } from './audience.js';
import { fatigueAllows, nextDeliveryTime } from './delivery-window.js';

const DAY = 24 * 3600 * 1000;
const PERIOD: Record<'WEEKLY' | 'BIWEEKLY' | 'MONTHLY', number> = { WEEKLY: 7 * DAY, BIWEEKLY: 14 * DAY, MONTHLY: 28 * DAY };

export interface LaunchResult {
  roundId: string;
  created: boolean;
  invited: number;
  skippedFatigue: number;
  undeliverable: number;
}

@Injectable()
export class RoundLauncher {
  private readonly logger = new Logger(RoundLauncher.name);

  constructor(
    private readonly db: WorkerDb,
    private readonly queues: WorkerQueues,
    private readonly clock: Clock,
  ) {}

  async launch(tenantId: string, programmeId: string, manual: boolean): Promise<LaunchResult | null> {
    const now = this.clock.now();
    const result = await withTenant(this.db.client, tenantId, (tx) => this.createRound(tx, tenantId, programmeId, manual, now), { timeout: 120_000 });
    if (!result) return null;
    await this.enqueueFollowUps(tenantId, result.roundId, now);
    return result;
  }

  private async createRound(tx: Tx, tenantId: string, programmeId: string, manual: boolean, now: Date): Promise<LaunchResult | null> {
    // Row lock: two launches of one programme run one after the other.
    const [programme] = await tx.$queryRaw<{ status: string; cadence: 'WEEKLY' | 'BIWEEKLY' | 'MONTHLY'; open_days: number; questions_per_round: number; question_keys: string[] }[]>`
      SELECT status::text AS status, cadence::text AS cadence, open_days, questions_per_round, question_keys FROM pulse_programmes
      WHERE tenant_id = ${tenantId}::uuid AND id = ${programmeId}::uuid FOR UPDATE`;
    if (!programme || programme.status !== 'ACTIVE') return null;

    const last = await tx.pulseRound.findFirst({ where: { programmeId }, orderBy: { sequence: 'desc' } });
    // Never two open rounds of one programme; and a scheduled launch that finds a round
    // opened within half a period is a retry of that launch. Either way: re-enqueue, don't relaunch.
    const stillOpen = last?.status === 'OPEN' && last.closesAt > now;
    if (last && (stillOpen || (!manual && now.getTime() - last.opensAt.getTime() < PERIOD[programme.cadence] / 2))) {
      return { roundId: last.id, created: false, invited: last.invitedCount, skippedFatigue: last.skippedFatigueCount, undeliverable: 0 };
    }

    const policy = await tx.tenantPolicy.findUniqueOrThrow({ where: { tenantId } });
    const sequence = (last?.sequence ?? 0) + 1;
    const closesAt = new Date(now.getTime() + programme.open_days * DAY);

    const keys = questionsForRound(programme.question_keys, programme.questions_per_round, sequence);
    const questions = await tx.question.findMany({ where: { key: { in: keys }, current: true, active: true }, select: { id: true, key: true } });
    if (questions.length === 0) {
      this.logger.warn(`Programme ${programmeId} has no active questions; no round launched`);
      return null;
    }

    const units = await tx.orgUnit.findMany({ select: { id: true, parentId: true } });
    const audience = await tx.programmeAudience.findMany({ where: { programmeId } });
    const unitIds = audienceUnits(units, audience.filter((a) => !a.excluded).map((a) => a.orgUnitId), audience.filter((a) => a.excluded).map((a) => a.orgUnitId));
    const people = await tx.person.findMany({
      where: { active: true, orgUnitId: { in: [...unitIds] } },
      select: { id: true, orgUnitId: true, location: true, startDate: true, timeZone: true, workingHoursStart: true, workingHoursEnd: true, workingDays: true },
      orderBy: { id: 'asc' },
    });

    const k = policy.anonymityThreshold;
    const cells = coarsenCells(
      people.map((p) => ({ unitId: p.orgUnitId, location: p.location ?? 'UNKNOWN', tenure: tenureBand(p.startDate, now) })),
      k,
      { location: policy.allowedDimensions.includes('location'), tenure: policy.allowedDimensions.includes('tenure') },
    );

    // The fatigue budget counts invitations already planned or sent to each person.
    const earlier = await tx.pulseInvitation.findMany({
      where: { personId: { in: people.map((p) => p.id) }, status: { in: ['SCHEDULED', 'SENT'] }, sendAt: { gte: new Date(now.getTime() - 62 * DAY) } },
      select: { personId: true, sendAt: true },
    });
    const previous = new Map<string, Date[]>();
    for (const e of earlier) if (e.sendAt) previous.set(e.personId, [...(previous.get(e.personId) ?? []), e.sendAt]);

    const round = await tx.pulseRound.create({
      data: { tenantId, programmeId, sequence, opensAt: now, closesAt, anonymityThreshold: k, eligibleCount: people.length },
    });
    await tx.roundQuestion.createMany({ data: keys.flatMap((key, position) => questions.filter((q) => q.key === key).map((q) => ({ tenantId, roundId: round.id, questionId: q.id, position }))) });

    const quiet = { quietHoursStart: policy.quietHoursStart, quietHoursEnd: policy.quietHoursEnd };
    let invited = 0;
    let skippedFatigue = 0;
    let undeliverable = 0;
    const rows = people.map((person, i) => {
      const sendAt = nextDeliveryTime(person, quiet, now, closesAt);
      let status: 'SCHEDULED' | 'SKIPPED_FATIGUE' | 'UNDELIVERABLE' = 'SCHEDULED';
      if (!sendAt) status = 'UNDELIVERABLE';
      else if (!fatigueAllows(previous.get(person.id) ?? [], sendAt, person.timeZone, policy.maxPulsesPerMonth)) status = 'SKIPPED_FATIGUE';
      if (status === 'SCHEDULED') invited++;
      else if (status === 'SKIPPED_FATIGUE') skippedFatigue++;
      else undeliverable++;
      const cell = cells[i]!;
      return { tenantId, roundId: round.id, personId: person.id, cellUnitId: cell.unitId, cellLocation: cell.location, cellTenure: cell.tenure, status, sendAt: status === 'SCHEDULED' ? sendAt : null };
    });
    await tx.pulseInvitation.createMany({ data: rows });
    await tx.pulseRound.update({ where: { tenantId_id: { tenantId, id: round.id } }, data: { invitedCount: invited, skippedFatigueCount: skippedFatigue } });
    return { roundId: round.id, created: true, invited, skippedFatigue, undeliverable };
  }

  /** Delayed jobs for every scheduled invitation and for the round's close; safe to repeat. */
  async enqueueFollowUps(tenantId: string, roundId: string, now: Date): Promise<void> {
    const { round, invitations } = await withTenant(this.db.client, tenantId, async (tx) => ({
      round: await tx.pulseRound.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: roundId } }, select: { closesAt: true } }),
      invitations: await tx.pulseInvitation.findMany({ where: { roundId, status: 'SCHEDULED' }, select: { id: true, sendAt: true } }),
    }));
    for (const inv of invitations) {
      await this.queues.add(QueueName.SURVEYS, JobName.SEND_INVITATION, { tenantId, invitationId: inv.id }, {
        jobId: jobId.invitation(inv.id),
        delay: Math.max(0, (inv.sendAt?.getTime() ?? now.getTime()) - now.getTime()),
      });
    }
    await this.queues.add(QueueName.SURVEYS, JobName.CLOSE_ROUND, { tenantId, roundId }, { jobId: jobId.close(roundId), delay: Math.max(0, round.closesAt.getTime() - now.getTime()) });
  }
}
