// Retention against a real database: answers of rounds past the tenant's
// retention go (with their comments and participation), their audited release
// stays and is never re-made from nothing; participation of people who left goes
// once their round has closed; recent answers and other tenants are untouched.
import { randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import { withTenant, type Db } from '@pulsewise/db';
import { JobName } from '@pulsewise/jobs';
import { createTenant, type FixtureTenant } from '../../api/src/test-support/fixtures.js';
import { Clock } from '../src/common/clock.js';
import type { WorkerDb, WorkerQueues } from '../src/common/infrastructure.js';
import { RoundAggregator } from '../src/modules/releases/round-aggregator.js';
import { ApplyRetentionJob } from '../src/modules/retention/apply-retention.job.js';
import { freezeAudience } from '../src/modules/surveys/round-audience.js';
import { createPrismaClient } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';

const NOW = new Date('2026-11-24T12:00:00Z');
let db: TestDatabase;
let prisma: Db;
let acme: FixtureTenant;
let globex: FixtureTenant;
const team = Array.from({ length: 12 }, (_, i) => `p${i}@acme.test`);

class FixedClock extends Clock {
  override now(): Date {
    return NOW;
  }
}

/** A closed round of the whole tenant in which everyone but the last two answered. */
async function closedRound(tenant: FixtureTenant, emails: string[], sequence: number, closedAt: Date): Promise<string> {
  return withTenant(prisma, tenant.id, async (tx) => {
    const programme = await tx.pulseProgramme.findFirst() ?? (await tx.pulseProgramme.create({ data: { tenantId: tenant.id, name: 'Pulse', cadence: 'MONTHLY', openDays: 7, questionsPerRound: 3, questionKeys: ['energy', 'breaks', 'workload'], startsAt: new Date('2024-01-01T00:00:00Z') } }));
    const question = await tx.question.findFirstOrThrow({ where: { key: 'energy', current: true } });
    const round = await tx.pulseRound.create({
      data: { tenantId: tenant.id, programmeId: programme.id, sequence, opensAt: new Date(closedAt.getTime() - 7 * 86_400_000), closesAt: closedAt, closedAt, status: 'CLOSED', anonymityThreshold: 5, invitedCount: emails.length, respondedCount: emails.length - 2 },
    });
    await tx.roundQuestion.create({ data: { tenantId: tenant.id, roundId: round.id, questionId: question.id, position: 0 } });
    await tx.pulseInvitation.createMany({
      data: emails.map((email, i) => ({ tenantId: tenant.id, roundId: round.id, personId: tenant.people[email]!.id, cellUnitId: tenant.rootUnitId, cellLocation: 'ALL', cellTenure: 'ALL', status: 'SENT' as const, responded: i < emails.length - 2 })),
    });
    await tx.response.createMany({ data: emails.slice(0, -2).map((_, i) => ({ tenantId: tenant.id, id: randomUUID(), roundId: round.id, cellUnitId: tenant.rootUnitId, cellLocation: 'ALL', cellTenure: 'ALL', answers: { [question.id]: 1 + (i % 5) } })) });
    await tx.responseComment.create({ data: { tenantId: tenant.id, id: randomUUID(), roundId: round.id, cellUnitId: tenant.rootUnitId, text: 'More focus time, please.' } });
    await freezeAudience(tx, tenant.id, round.id);
    return round.id;
  });
}

const counts = (tenant: FixtureTenant, roundId: string) =>
  withTenant(prisma, tenant.id, async (tx) => ({
    answers: await tx.response.count({ where: { roundId } }),
    comments: await tx.responseComment.count({ where: { roundId } }),
    participation: await tx.pulseInvitation.count({ where: { roundId } }),
  }));

beforeAll(async () => {
  db = await createTestDatabase('retention');
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  acme = await createTenant(prisma, { slug: 'acme', people: team.map((email) => ({ email, roles: ['EMPLOYEE' as const] })) });
  globex = await createTenant(prisma, { slug: 'globex', people: team.map((email) => ({ email: email.replace('acme', 'globex'), roles: ['EMPLOYEE' as const] })) });
  await withTenant(prisma, acme.id, (tx) => tx.tenantPolicy.update({ where: { tenantId: acme.id }, data: { responseRetentionMonths: 12, allowedDimensions: [] } }));
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

it('deletes expired answers and the participation of people who left, and keeps releases', async () => {
  const old = await closedRound(acme, team, 1, new Date('2025-10-01T00:00:00Z')); // 13+ months ago: past 12
  const recent = await closedRound(acme, team, 2, new Date('2026-10-01T00:00:00Z'));
  const globexOld = await closedRound(globex, team.map((e) => e.replace('acme', 'globex')), 1, new Date('2025-10-01T00:00:00Z')); // globex keeps 24 months
  const aggregator = new RoundAggregator({ client: prisma } as unknown as WorkerDb);
  expect(await aggregator.aggregate(acme.id, old)).toMatchObject({ status: 'PUBLISHED' });
  const releaseBefore = await withTenant(prisma, acme.id, (tx) => tx.release.findFirstOrThrow({ where: { roundId: old }, include: { cells: true } }));
  // p0 leaves the organisation after the recent round.
  await withTenant(prisma, acme.id, (tx) => tx.person.update({ where: { tenantId_id: { tenantId: acme.id, id: acme.people['p0@acme.test']!.id } }, data: { active: false } }));

  const job = new ApplyRetentionJob({ client: prisma } as unknown as WorkerDb, {} as WorkerQueues, new FixedClock());
  const report = await job.process({ name: JobName.APPLY_RETENTION, data: {} } as Job);
  expect(report).toEqual({ tenants: 2, roundsPurged: 1, answersDeleted: 10, commentsDeleted: 1, participationDeleted: 12 + 1 });

  expect(await counts(acme, old)).toEqual({ answers: 0, comments: 0, participation: 0 });
  expect(await counts(acme, recent)).toEqual({ answers: 10, comments: 1, participation: 11 });
  expect(await counts(globex, globexOld)).toEqual({ answers: 10, comments: 1, participation: 12 });
  const stillThere = await withTenant(prisma, acme.id, (tx) => tx.pulseInvitation.findFirst({ where: { roundId: recent, personId: acme.people['p0@acme.test']!.id } }));
  expect(stillThere).toBeNull();

  // The release stays, and the purged round is never aggregated again (even when k is raised).
  await withTenant(prisma, acme.id, (tx) => tx.pulseRound.update({ where: { tenantId_id: { tenantId: acme.id, id: old } }, data: { anonymityThreshold: 6 } }));
  expect(await aggregator.aggregate(acme.id, old)).toEqual({ status: 'NOT_AGGREGATABLE' });
  expect(await prisma.$queryRaw`SELECT round_id FROM releases_due() WHERE round_id = ${old}::uuid`).toEqual([]);
  const releaseAfter = await withTenant(prisma, acme.id, (tx) => tx.release.findFirstOrThrow({ where: { roundId: old }, include: { cells: true } }));
  expect(releaseAfter).toEqual(releaseBefore);

  // The recent round still aggregates from its frozen audience although p0's participation row is gone.
  expect(await aggregator.aggregate(acme.id, recent)).toMatchObject({ status: 'PUBLISHED' });
  const root = await withTenant(prisma, acme.id, (tx) => tx.releaseCell.findFirstOrThrow({ where: { release: { roundId: recent }, unitId: acme.rootUnitId, direct: false } }));
  expect(root).toMatchObject({ status: 'PUBLISHED', eligible: 12, n: 10 });

  // A second run finds nothing more to do.
  expect(await job.process({ name: JobName.APPLY_RETENTION, data: {} } as Job)).toEqual({ tenants: 2, roundsPurged: 0, answersDeleted: 0, commentsDeleted: 0, participationDeleted: 0 });
}, 120_000);
