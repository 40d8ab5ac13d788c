// Launching a round: freeze the audience (who, in which cell), pick the
// questions, plan each person's invitation inside their own working hours and
// outside quiet hours, count (never silently drop) people over their monthly
// pulse budget — then, after commit, enqueue the delayed invitation batches (one
// job per part of the round, invitation-batch.ts) and the round-close job.
// Idempotent: a retried launch finds the round it already made and only
// (re-)enqueues, with deterministic job ids.
import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { withTenant, type Tx } from '@pulsewise/db';
import { JobName, jobId, QueueName } from '@pulsewise/jobs';
import { Clock } from '../../common/clock.js';
import { WorkerDb, WorkerQueues } from '../../common/infrastructure.js';
import { audienceUnits, coarsenCells, questionsForRound, tenureBand } from './audience.js';
import { fatigueAllows } from './delivery-window.js';
import { batchCount, batchOf, invitationBatchJobId, SEND_INVITATION_BATCH } from './invitation-batch.js';
import { ScheduleMemo } from './schedule-memo.js';
import { SurveyQueue, type SurveyJob } from './survey-queue.js';

const DAY = 24 * 3600 * 1000;
const PERIOD: Record<'WEEKLY' | 'BIWEEKLY' | 'MONTHLY', number> = { WEEKLY: 7 * DAY, BIWEEKLY: 14 * DAY, MONTHLY: 28 * DAY };

/** An invitation waiting to be sent, and when it may first go out. */
interface Scheduled {
  id: string;
  sendAt: Date | null;
}

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
    private readonly surveys: SurveyQueue,
    private readonly clock: Clock,
  ) {}

  async launch(tenantId: string, programmeId: string, manual: boolean): Promise<LaunchResult | null> {
    const now = this.clock.now();
    const launched = await withTenant(this.db.client, tenantId, (tx) => this.createRound(tx, tenantId, programmeId, manual, now), { timeout: 120_000 });
    if (!launched) return null;
    const { scheduled, ...result } = launched;
    await this.enqueueFollowUps(tenantId, result.roundId, now, scheduled);
    return result;
  }

  /** The round, and — when this call created it — the invitations it scheduled (so they need not be read back). */
  private async createRound(tx: Tx, tenantId: string, programmeId: string, manual: boolean, now: Date): Promise<(LaunchResult & { scheduled?: Scheduled[] }) | null> {
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

    // The fatigue budget counts invitations already planned or sent to each person. Read for the
    // whole tenant (rows of people outside the audience are ignored): a list of every audience
    // member's id would not fit in one statement's parameters at 100,000 people.
    const audienceIds = new Set(people.map((p) => p.id));
    const earlier = await tx.pulseInvitation.findMany({
      where: { status: { in: ['SCHEDULED', 'SENT'] }, sendAt: { gte: new Date(now.getTime() - 62 * DAY) } },
      select: { personId: true, sendAt: true },
    });
    const previous = new Map<string, Date[]>();
    for (const e of earlier) {
      if (!e.sendAt || !audienceIds.has(e.personId)) continue;
      const list = previous.get(e.personId);
      if (list) list.push(e.sendAt);
      else previous.set(e.personId, [e.sendAt]);
    }

    const round = await tx.pulseRound.create({
      data: { tenantId, programmeId, sequence, opensAt: now, closesAt, anonymityThreshold: k, eligibleCount: people.length },
    });
    await tx.roundQuestion.createMany({ data: keys.flatMap((key, position) => questions.filter((q) => q.key === key).map((q) => ({ tenantId, roundId: round.id, questionId: q.id, position }))) });

    const schedule = new ScheduleMemo({ quietHoursStart: policy.quietHoursStart, quietHoursEnd: policy.quietHoursEnd }, now, closesAt);
    let invited = 0;
    let skippedFatigue = 0;
    let undeliverable = 0;
    const rows = people.map((person, i) => {
      const sendAt = schedule.nextDeliveryTime(person, now);
      let status: 'SCHEDULED' | 'SKIPPED_FATIGUE' | 'UNDELIVERABLE' = 'SCHEDULED';
      if (!sendAt) status = 'UNDELIVERABLE';
      else if (!fatigueAllows(previous.get(person.id) ?? [], sendAt, person.timeZone, policy.maxPulsesPerMonth)) status = 'SKIPPED_FATIGUE';
      if (status === 'SCHEDULED') invited++;
      else if (status === 'SKIPPED_FATIGUE') skippedFatigue++;
      else undeliverable++;
      const cell = cells[i]!;
      return { id: randomUUID(), personId: person.id, cellUnitId: cell.unitId, cellLocation: cell.location, cellTenure: cell.tenure, status, sendAt: status === 'SCHEDULED' ? sendAt : null };
    });
    // One statement for the whole audience (arrays, not one bind parameter per value: a
    // createMany of 100,000 rows is dozens of statements and most of the launch's time).
    // Instants travel as ISO strings with their zone: a raw Date parameter is sent without one.
    await tx.$executeRaw`
      INSERT INTO pulse_invitations (tenant_id, id, round_id, person_id, cell_unit_id, cell_location, cell_tenure, status, send_at)
      SELECT ${tenantId}::uuid, u.id, ${round.id}::uuid, u.person_id, u.cell_unit_id, u.cell_location, u.cell_tenure, u.status::"InvitationStatus", u.send_at
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.personId)}::uuid[], ${rows.map((r) => r.cellUnitId)}::uuid[], ${rows.map((r) => r.cellLocation)}::text[],
                  ${rows.map((r) => r.cellTenure)}::text[], ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.sendAt?.toISOString() ?? null)}::timestamptz[])
        AS u(id, person_id, cell_unit_id, cell_location, cell_tenure, status, send_at)`;
    await tx.pulseRound.update({ where: { tenantId_id: { tenantId, id: round.id } }, data: { invitedCount: invited, skippedFatigueCount: skippedFatigue } });
    const scheduled = rows.filter((r) => r.status === 'SCHEDULED').map((r) => ({ id: r.id, sendAt: r.sendAt }));
    return { roundId: round.id, created: true, invited, skippedFatigue, undeliverable, scheduled };
  }

  /**
   * Delayed jobs for every scheduled invitation and for the round's close; safe to repeat.
   * One batch job per part of the round that still has scheduled invitations, due when the
   * earliest of them may be pinged; the same parts and job ids every time (invitation-batch.ts).
   * `scheduled` is given by the launch that just created the round; a repeated launch reads it.
   */
  async enqueueFollowUps(tenantId: string, roundId: string, now: Date, scheduled?: readonly Scheduled[]): Promise<void> {
    const { round, invitations } = await withTenant(this.db.client, tenantId, async (tx) => ({
      round: await tx.pulseRound.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: roundId } }, select: { closesAt: true, invitedCount: true } }),
      invitations: scheduled ?? (await tx.pulseInvitation.findMany({ where: { roundId, status: 'SCHEDULED' }, select: { id: true, sendAt: true } })),
    }));
    const delayUntil = (at: Date | null) => Math.max(0, (at?.getTime() ?? now.getTime()) - now.getTime());

    let jobs: SurveyJob[];
    if (!scheduled && (await this.surveys.anyExists(invitations.map((inv) => jobId.invitation(inv.id))))) {
      // A round launched before invitations were batched still has per-person jobs queued:
      // keep to them, so that no invitation is ever held by two jobs.
      jobs = invitations.map((inv) => ({ name: JobName.SEND_INVITATION, data: { tenantId, invitationId: inv.id }, opts: { jobId: jobId.invitation(inv.id), delay: delayUntil(inv.sendAt) } }));
    } else {
      const parts = batchCount(round.invitedCount);
      const firstSendAt = new Map<number, Date | null>();
      for (const inv of invitations) {
        const part = batchOf(inv.id, parts);
        const known = firstSendAt.get(part);
        if (known === undefined || (known !== null && (inv.sendAt === null || inv.sendAt < known))) firstSendAt.set(part, inv.sendAt);
      }
      jobs = [...firstSendAt].map(([part, at]) => ({
        name: SEND_INVITATION_BATCH,
        data: { tenantId, roundId, part, parts },
        opts: { jobId: invitationBatchJobId(roundId, part, parts), delay: delayUntil(at) },
      }));
    }
    await this.surveys.addBulk(jobs);
    await this.queues.add(QueueName.SURVEYS, JobName.CLOSE_ROUND, { tenantId, roundId }, { jobId: jobId.close(roundId), delay: Math.max(0, round.closesAt.getTime() - now.getTime()) });
  }
}
