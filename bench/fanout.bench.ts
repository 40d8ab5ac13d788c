// (e) Invitation fan-out: a "launch now" of a programme covering N people, through the built
// worker as its own process — the launch job (audience, cells, delivery plan, one delayed job
// per person) and then one send job per person (fresh link, email over pooled SMTP) — until the
// local SMTP sink (smtp-server, in this process) has received every invitation. Baseline in the
// same run: BullMQ addBulk of N empty jobs.
//
// Everyone is made deliverable at once (24-hour working days, no quiet hours): otherwise the
// scheduler rightly spreads the invitations over each person's working hours.
//
//   npx tsx bench/fanout.bench.ts [--people 2000] [--reps 3]
import { Queue } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createPrismaClient, withTenant } from '../packages/db/src/index.js';
import { createTestDatabase } from '../packages/db/src/testing/index.js';
import { createQueue, enqueue, JobName, QueueName, redisConnection } from '../packages/jobs/src/index.js';
import { generate } from './generate.js';
import { deleteRedisKeys, emit, flags, fmtMs, fmtRatio, log as logger, median, redisPrefix, startServices, type Row } from './lib.js';

const log = logger('fanout');
const f = flags();
const people = Number(f.people ?? 2_000);
const reps = Number(f.reps ?? 3);
const connection = redisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

const recipients: string[] = [];
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      for (const r of session.envelope.rcptTo) recipients.push(r.address.toLowerCase());
      callback();
    });
  },
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const smtpUrl = `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;

const db = await createTestDatabase('bench_fanout');
const prefix = redisPrefix('fanout');
const prisma = createPrismaClient(db.appUrl, { poolSize: 3 });
const queue = createQueue(QueueName.SURVEYS, connection, prefix);
let services: Awaited<ReturnType<typeof startServices>> | undefined;
try {
  log(`generating ${people} people…`);
  const gen = await generate({ people, rounds: 0, seed: 4, databaseUrl: db.appUrl, signalMonths: 0, log });
  const tenantId = gen.tenantId;
  const programmeId = await withTenant(prisma, tenantId, async (tx) => {
    await tx.person.updateMany({ data: { workingHoursStart: '00:00', workingHoursEnd: '00:00', workingDays: [1, 2, 3, 4, 5, 6, 7] } });
    await tx.tenantPolicy.update({ where: { tenantId }, data: { quietHoursStart: '00:00', quietHoursEnd: '00:00' } });
    const root = await tx.orgUnit.findFirstOrThrow({ where: { path: '' } });
    const p = await tx.pulseProgramme.create({ data: { tenantId, name: 'Fan-out pulse', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy', 'breaks', 'comment'], startsAt: new Date(Date.now() + 365 * 86_400_000) } });
    await tx.programmeAudience.create({ data: { tenantId, programmeId: p.id, orgUnitId: root.id } });
    return p.id;
  }, { timeout: 120_000 });

  services = await startServices({ databaseUrl: db.appUrl, adminUrl: db.adminUrl, prefix, worker: true, smtpUrl, workerPool: 10 });
  log(`launching a round for ${people} people…`);
  const t0 = performance.now();
  await enqueue(queue, JobName.LAUNCH_ROUND, { tenantId, programmeId, manual: true });
  let invited = -1;
  let launchedMs = 0;
  const deadline = Date.now() + Number(f.timeout ?? 600) * 1000;
  while (invited < 0 || recipients.length < invited) {
    if (Date.now() > deadline) throw new Error(`timed out: ${recipients.length} of ${invited} delivered`);
    await new Promise((r) => setTimeout(r, 100));
    if (invited < 0) {
      const round = await withTenant(prisma, tenantId, (tx) => tx.pulseRound.findFirst({ where: { programmeId }, select: { invitedCount: true } }));
      if (round && round.invitedCount > 0) {
        invited = round.invitedCount;
        launchedMs = performance.now() - t0;
      }
    }
  }
  const deliveredMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 1000)); // a duplicate would arrive now
  const delivered = recipients.length;
  const distinct = new Set(recipients).size;
  const sent = await withTenant(prisma, tenantId, (tx) => tx.pulseInvitation.count({ where: { status: 'SENT' } }));
  await services.stop();
  services = undefined;
  log(`${delivered} delivered (${distinct} distinct) of ${invited} invited in ${fmtMs(deliveredMs)} (round planned after ${fmtMs(launchedMs)})`);

  // Baseline: N empty jobs into a queue of their own, in one addBulk.
  const bulkPrefix = `${prefix}:bulk`;
  const baselineMs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const q = new Queue(`bulk-${i}`, { connection, prefix: bulkPrefix });
    const t = performance.now();
    await q.addBulk(Array.from({ length: invited }, (_, j) => ({ name: 'empty', data: {}, opts: { jobId: `e${j}` } })));
    baselineMs.push(performance.now() - t);
    await q.obliterate({ force: true });
    await q.close();
  }
  const base = median(baselineMs);
  const rate = delivered / (deliveredMs / 1000);
  const row: Row = {
    id: 'fanout',
    work: `Invitation fan-out, ${invited.toLocaleString('en')} people${people < 100_000 ? '*' : ''} → local SMTP sink`,
    ours: `${fmtMs(deliveredMs)} (${rate.toFixed(0)}/s), ${distinct}/${invited} once each`,
    baseline: `${fmtMs(base)} (BullMQ addBulk)`,
    ratio: fmtRatio(deliveredMs / base),
    goal: '100k delivered < 60 s (≥ 1,667/s)',
    met: rate >= 100_000 / 60 && distinct === invited && delivered === invited ? 'yes' : 'no',
    data: { people, invited, delivered, distinct, sentInDb: sent, deliveredMs, launchedMs, ratePerSecond: rate, baselineMs },
  };
  emit([row]);
} finally {
  await services?.stop();
  await queue.close();
  await prisma.$disconnect();
  await db.drop();
  await deleteRedisKeys(prefix);
  await new Promise<void>((resolve) => sink.close(() => resolve()));
}
