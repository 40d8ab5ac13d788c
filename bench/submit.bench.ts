// (d) submitPulse sustained: C concurrent clients post answers with fresh single-use links
// (two scale answers, a comment on every fourth) for D seconds to the built API, while the
// built worker moves the buffered answers into PostgreSQL; then the rounds close and we time
// how long the worker takes to drain the rest. Counts that every accepted submission is stored
// exactly once. Baseline in the same run: the same rows inserted raw with pg (multi-row
// INSERT … SELECT FROM unnest, batches of 500, one transaction each).
//
//   npx tsx bench/submit.bench.ts [--people 10000] [--connections 50] [--duration 30] [--links 60000]
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { createPrismaClient, withTenant } from '../packages/db/src/index.js';
import { createTestDatabase } from '../packages/db/src/testing/index.js';
import { createQueue, enqueue, JobName, jobId, QueueName, redisConnection } from '../packages/jobs/src/index.js';
import { openRoundWithLinks } from '../apps/api/src/test-support/pulse-links.js';
import { generate } from './generate.js';
import { deleteRedisKeys, emit, flags, fmtMs, fmtRatio, log as logger, median, redisPrefix, repeat, startServices, type Row } from './lib.js';

const log = logger('submit');
const f = flags();
const people = Number(f.people ?? 10_000);
const connections = Number(f.connections ?? 50);
const duration = Number(f.duration ?? 30);
const linkCount = Number(f.links ?? 60_000); // 2,000/s for 30 s: the run must never stop for want of links
const reps = Number(f.reps ?? 3);

const SUBMIT = 'mutation SubmitPulse($token: String!, $answers: [PulseAnswerInput!]!) { submitPulse(token: $token, answers: $answers) { received } }';

const db = await createTestDatabase('bench_submit');
const prefix = redisPrefix('submit');
const prisma = createPrismaClient(db.appUrl, { poolSize: 3 });
let services: Awaited<ReturnType<typeof startServices>> | undefined;
const queue = createQueue(QueueName.SURVEYS, redisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'), prefix);
try {
  log(`generating ${people} people (no rounds)…`);
  const gen = await generate({ people, rounds: 0, seed: 3, databaseUrl: db.appUrl, signalMonths: 0, log });
  const tenantId = gen.tenantId;
  const everyone = await withTenant(prisma, tenantId, (tx) => tx.person.findMany({ where: { active: true }, select: { id: true, orgUnitId: true } }), { timeout: 60_000 });
  const links: string[] = [];
  const rounds: { roundId: string; scale: string[]; comment: string }[] = [];
  const roundOf: number[] = [];
  while (links.length < linkCount) {
    const round = await openRoundWithLinks(prisma as never, tenantId, everyone.slice(0, linkCount - links.length));
    rounds.push({ roundId: round.roundId, scale: round.scaleQuestionIds, comment: round.commentQuestionId });
    for (const token of round.tokens) {
      links.push(token);
      roundOf.push(rounds.length - 1);
    }
  }
  log(`${links.length} answer links in ${rounds.length} open round(s)`);

  services = await startServices({ databaseUrl: db.appUrl, adminUrl: db.adminUrl, prefix, api: true, worker: true, apiPool: 40, workerPool: 10 });
  let next = 0;
  let accepted = 0;
  let failed = 0;
  let exhausted = false;
  const failures: string[] = [];
  log(`${connections} connections for ${duration} s…`);
  const instance = autocannon({
    url: services.apiUrl!, connections, duration, timeout: 30,
    requests: [{
      method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' },
      setupRequest: (req: any) => {
        const i = next++;
        if (i >= links.length) exhausted = true;
        const r = rounds[roundOf[i % links.length]!]!;
        const answers = [{ questionId: r.scale[0], value: 1 + (i % 5) }, { questionId: r.scale[1], value: 1 + ((i * 7) % 5) }, ...(i % 4 === 0 ? [{ questionId: r.comment, text: 'More focus time, fewer late meetings.' }] : [])];
        return { ...req, body: JSON.stringify({ query: SUBMIT, variables: { token: links[i % links.length], answers } }) };
      },
      onResponse: (status: number, body: string) => {
        if (status === 200 && body.includes('"received":true')) accepted++;
        else if (failures.push(`${status} ${body.slice(0, 200)}`) && failed++ < 0) failed++;
      },
    }],
  } as autocannon.Options);
  const result = await instance;
  const loadEnded = performance.now();
  if (exhausted) log('WARNING: ran out of links (raise --links): the tail of the run reused links');

  // Close the rounds: the worker flushes whatever is still buffered, whatever its number.
  for (const r of rounds) await enqueue(queue, JobName.CLOSE_ROUND, { tenantId, roundId: r.roundId }, { jobId: jobId.close(r.roundId) });
  const roundIds = rounds.map((r) => r.roundId);
  const counts = () => withTenant(prisma, tenantId, async (tx) => ({
    stored: await tx.response.count({ where: { roundId: { in: roundIds } } }),
    responded: await tx.pulseInvitation.count({ where: { roundId: { in: roundIds }, responded: true } }),
    closed: await tx.pulseRound.count({ where: { id: { in: roundIds }, status: 'CLOSED' } }),
  }));
  let c = await counts();
  for (let i = 0; (c.stored < c.responded || c.closed < roundIds.length) && i < 1200; i++) {
    await new Promise((r) => setTimeout(r, 250));
    c = await counts();
  }
  const drainMs = performance.now() - loadEnded;
  // Give a stray duplicate the chance to show up before counting for good.
  await new Promise((r) => setTimeout(r, 1000));
  c = await counts();
  const distinctIds = await withTenant(prisma, tenantId, async (tx) => (await tx.$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT id) AS n FROM responses WHERE round_id = ANY(${roundIds}::uuid[])`)[0]!.n);
  await services.stop();
  services = undefined;
  const oursRate = accepted / duration;
  const endToEnd = c.stored / (duration + drainMs / 1000);
  log(`accepted ${accepted} (${oursRate.toFixed(0)}/s), responded ${c.responded}, stored ${c.stored}, drain ${fmtMs(drainMs)}`);

  // Baseline: the same rows (as stored), raw batched INSERT with pg under the same RLS, into a scratch round.
  const sample = await withTenant(prisma, tenantId, (tx) => tx.response.findMany({ where: { roundId: { in: roundIds } }, select: { cellUnitId: true, cellLocation: true, cellTenure: true, answers: true } }), { timeout: 60_000 });
  const scratch = await openRoundWithLinks(prisma as never, tenantId, everyone.slice(0, 1));
  const client = new pg.Client({ connectionString: db.appUrl });
  await client.connect();
  const baselineMs = await repeat(reps, async () => {
    for (let i = 0; i < sample.length; i += 500) {
      const batch = sample.slice(i, i + 500);
      await client.query('BEGIN');
      await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
      await client.query(
        `INSERT INTO responses (tenant_id, id, round_id, cell_unit_id, cell_location, cell_tenure, answers)
         SELECT $1, unnest($2::uuid[]), $3, unnest($4::uuid[]), unnest($5::text[]), unnest($6::text[]), unnest($7::jsonb[])`,
        [tenantId, batch.map(() => randomUUID()), scratch.roundId, batch.map((r) => r.cellUnitId), batch.map((r) => r.cellLocation), batch.map((r) => r.cellTenure), batch.map((r) => JSON.stringify(r.answers))],
      );
      await client.query('COMMIT');
    }
  });
  await client.end();
  const baselineRate = sample.length / (median(baselineMs) / 1000);
  const exactlyOnce = c.stored === c.responded && Number(distinctIds) === c.stored && c.responded >= accepted && c.responded <= accepted + connections;
  const row: Row = {
    id: 'submit',
    work: `submitPulse, ${connections} clients × ${duration} s${duration < 30 ? '*' : ''}, then the worker drains`,
    ours: `${oursRate.toFixed(0)}/s; drain ${fmtMs(drainMs)}; stored ${c.stored} = answered ${c.responded}: ${exactlyOnce ? 'once each' : 'MISMATCH'}`,
    baseline: `${baselineRate.toFixed(0)} rows/s (pg INSERT ×500)`,
    ratio: fmtRatio(oursRate / baselineRate),
    goal: '≥ 1,500 submissions/s; every submission stored exactly once',
    met: oursRate >= 1500 && exactlyOnce ? 'yes' : 'no',
    data: {
      people, connections, duration, links: links.length, exhausted, accepted, failed: failures.length, failures: failures.slice(0, 5), responded: c.responded, stored: c.stored, distinctIds: Number(distinctIds), exactlyOnce,
      drainMs, endToEndPerSecond: endToEnd, latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 }, perSecond: { mean: result.requests.average, p50: result.requests.p50, min: result.requests.min },
      baselineMs, baselineRows: sample.length, baselineRate,
    },
  };
  emit([row]);
} finally {
  await services?.stop();
  await queue.close();
  await prisma.$disconnect();
  await db.drop();
  await deleteRedisKeys(prefix);
}
