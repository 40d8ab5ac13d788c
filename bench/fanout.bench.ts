// (e) Invitation fan-out: a "launch now" of a programme covering N people, through the built
// worker as its own process — the launch job (audience, cells, delivery plan, one batch job per
// part of ≈250 invitations) and then the batch jobs (fresh links, emails over pooled SMTP, SENT
// marks, one reminder job per reminder for each batch's sends) — until the local SMTP sink
// (smtp-server, in this process) has received every invitation. Baseline in the same run: BullMQ
// addBulk of N empty jobs. Also recorded: the CPU seconds the worker process and this process
// (mostly the SMTP sink) used during each launch — on 2 cores the sink's share is the worker's loss.
//
// Everyone is made deliverable at once (24-hour working days, no quiet hours): otherwise the
// scheduler rightly spreads the invitations over each person's working hours.
//
//   npx tsx bench/fanout.bench.ts [--people 100000] [--reps 1]   (reps: launches, each to a tenant of its own;
//   the default is the 100k once — ≈ 40 s with generating the people; 3 launches of 2,000 take 15 s)
import { Queue } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createPrismaClient, withTenant } from '../packages/db/src/index.js';
import { createTestDatabase } from '../packages/db/src/testing/index.js';
import { createQueue, enqueue, JobName, QueueName, redisConnection } from '../packages/jobs/src/index.js';
import { generate } from './generate.js';
import { deleteRedisKeys, emit, flags, fmtMs, fmtRatio, log as logger, median, redisPrefix, startServices, type Row } from './lib.js';

const log = logger('fanout');
const f = flags();
const people = Number(f.people ?? 100_000);
const reps = Number(f.reps ?? (people >= 100_000 ? 1 : 3));
const connection = redisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

const recipients: string[] = [];
/** Deliveries per recipient domain (one per tenant), counted as they arrive: the poll below reads a number, not 100,000 strings. */
const perDomain = new Map<string, number>();
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      for (const r of session.envelope.rcptTo) {
        const address = r.address.toLowerCase();
        recipients.push(address);
        const domain = address.slice(address.indexOf('@'));
        perDomain.set(domain, (perDomain.get(domain) ?? 0) + 1);
      }
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
  // One tenant per repetition (seeds 4, 5, …), so every launch fans out to people never invited before.
  const tenants: { tenantId: string; programmeId: string; domain: string }[] = [];
  for (let i = 0; i < reps; i++) {
    log(`generating ${people} people (repetition ${i + 1})…`);
    const gen = await generate({ people, rounds: 0, seed: 4 + i, databaseUrl: db.appUrl, signalMonths: 0, log });
    const tenantId = gen.tenantId;
    const programmeId = await withTenant(prisma, tenantId, async (tx) => {
      await tx.person.updateMany({ data: { workingHoursStart: '00:00', workingHoursEnd: '00:00', workingDays: [1, 2, 3, 4, 5, 6, 7] } });
      await tx.tenantPolicy.update({ where: { tenantId }, data: { quietHoursStart: '00:00', quietHoursEnd: '00:00' } });
      const root = await tx.orgUnit.findFirstOrThrow({ where: { path: '' } });
      const p = await tx.pulseProgramme.create({ data: { tenantId, name: 'Fan-out pulse', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy', 'breaks', 'comment'], startsAt: new Date(Date.now() + 365 * 86_400_000) } });
      await tx.programmeAudience.create({ data: { tenantId, programmeId: p.id, orgUnitId: root.id } });
      return p.id;
    }, { timeout: 120_000 });
    tenants.push({ tenantId, programmeId, domain: `@${gen.slug}.example` });
  }

  services = await startServices({ databaseUrl: db.appUrl, adminUrl: db.adminUrl, prefix, worker: true, smtpUrl, workerPool: 10 });
  const measured: { invited: number; delivered: number; distinct: number; sentInDb: number; deliveredMs: number; launchedMs: number; cpuSeconds: { bench: number; worker: number | null } }[] = [];
  // CPU time (user + system) of the worker process, and of this process (the SMTP sink, the polling): on a
  // 2-core machine the sink's share is taken from the worker, so the figure says how much.
  const workerPid = services.children[0]?.pid;
  const workerCpu = (): number | null => {
    try {
      const fields = readFileSync(`/proc/${workerPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
    } catch {
      return null;
    }
  };
  for (const [i, { tenantId, programmeId, domain }] of tenants.entries()) {
    log(`launching a round for ${people} people (repetition ${i + 1})…`);
    const mine = () => recipients.filter((r) => r.endsWith(domain));
    const cpu0 = process.cpuUsage();
    const workerCpu0 = workerCpu();
    const t0 = performance.now();
    await enqueue(queue, JobName.LAUNCH_ROUND, { tenantId, programmeId, manual: true });
    let invited = -1;
    let launchedMs = 0;
    const deadline = Date.now() + Number(f.timeout ?? 600) * 1000;
    while (invited < 0 || (perDomain.get(domain) ?? 0) < invited) {
      if (Date.now() > deadline) throw new Error(`timed out: ${perDomain.get(domain) ?? 0} of ${invited} delivered`);
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
    const cpu = process.cpuUsage(cpu0);
    const workerCpu1 = workerCpu();
    const cpuSeconds = { bench: (cpu.user + cpu.system) / 1e6, worker: workerCpu0 === null || workerCpu1 === null ? null : workerCpu1 - workerCpu0 };
    await new Promise((r) => setTimeout(r, 1000)); // a duplicate would arrive now
    const sentInDb = await withTenant(prisma, tenantId, (tx) => tx.pulseInvitation.count({ where: { status: 'SENT' } }));
    measured.push({ invited, delivered: mine().length, distinct: new Set(mine()).size, sentInDb, deliveredMs, launchedMs, cpuSeconds });
    log(`${measured.at(-1)!.delivered} delivered (${measured.at(-1)!.distinct} distinct) of ${invited} invited in ${fmtMs(deliveredMs)} (round planned after ${fmtMs(launchedMs)}; CPU: worker ${cpuSeconds.worker?.toFixed(1) ?? '?'} s, bench process with the SMTP sink ${cpuSeconds.bench.toFixed(1)} s)`);
  }
  await services.stop();
  services = undefined;
  const invited = measured[0]!.invited;
  const deliveredMs = median(measured.map((m) => m.deliveredMs));
  const launchedMs = median(measured.map((m) => m.launchedMs));
  const allOnce = measured.every((m) => m.delivered === m.invited && m.distinct === m.invited);
  const delivered = measured.reduce((s, m) => s + m.delivered, 0);
  const distinct = measured.reduce((s, m) => s + m.distinct, 0);

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
  const rate = invited / (deliveredMs / 1000);
  const row: Row = {
    id: 'fanout',
    work: `Invitation fan-out, ${invited.toLocaleString('en')} people${people < 100_000 ? '*' : ''} → local SMTP sink`,
    ours: `${fmtMs(deliveredMs)} (${rate.toFixed(0)}/s, median of ${measured.length}), ${allOnce ? 'each once' : 'MISSING OR DUPLICATES'}`,
    baseline: `${fmtMs(base)} (BullMQ addBulk)`,
    ratio: fmtRatio(deliveredMs / base),
    goal: '100k delivered < 60 s (≥ 1,667/s)',
    met: rate >= 100_000 / 60 && allOnce ? 'yes' : 'no',
    data: { people, invited, repetitions: measured, delivered, distinct, allOnce, deliveredMedianMs: deliveredMs, launchedMedianMs: launchedMs, ratePerSecond: rate, baselineMs },
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
