// From stored answers to the GraphQL heatmap, on the demo organisation: the
// round-close job hands the round to the aggregation job (real worker in this
// process, real Redis), which stores an audited release; HR reads it as a heatmap
// where the small teams are hidden below the threshold and a neighbour protects
// each of them; managers stay inside their own subtree; comments need max(k, 10).
import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { withTenant } from '@pulsewise/db';
import { jobId, JobName, QueueName, redisConnection } from '@pulsewise/jobs';
import { DEMO_TEMPLATE } from '../../../prisma/demo-template.js';
import { startTestApp, type TestApp } from '../src/test-support/test-app.js';
import { signIn } from '../src/test-support/fixtures.js';
import { WorkerModule } from '../../worker/src/worker.module.js';

const DEMO_PASSWORD = 'pulsewise-demo';
const DIMS = ['location', 'tenure']; // the default policy
let api: TestApp;
let worker: TestingModule;
let tenantId: string;
let hr: string;
let manager: string;
let roundId: string;
const units = new Map<string, string>(); // path → id

const RESULTS = /* GraphQL */ `
  query($releaseId: ID!, $orgUnitId: ID, $dimension: String) {
    releaseResults(releaseId: $releaseId, orgUnitId: $orgUnitId, dimension: $dimension) {
      orgUnitId dimension commentsAvailable
      release { id status k dimensions label notCounted }
      questions { key text min max }
      rows { orgUnitId name isSelectedUnit direct hasChildren dimensionValue hidden reason respondents responseRate values { questionKey hidden reason answered mean favourableShare distribution band } }
    }
  }
`;

interface Row {
  orgUnitId: string;
  name: string;
  isSelectedUnit: boolean;
  direct: boolean;
  dimensionValue: string | null;
  hidden: boolean;
  reason: string | null;
  respondents: number | null;
  responseRate: number | null;
  values: { hidden: boolean; reason: string | null; mean: number | null; answered: number | null; distribution: number[] | null; band: string | null }[];
}
interface Results {
  releaseResults: { orgUnitId: string; dimension: string | null; commentsAvailable: boolean; release: { id: string; status: string; k: number; notCounted: number }; rows: Row[] };
}

async function waitUntil<T>(fn: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function releaseOf(round: string) {
  // The in-process worker's aggregation is CPU-bound and shares this event loop: allow a slow poll.
  return withTenant(api.prisma, tenantId, (tx) => tx.release.findFirst({ where: { roundId: round }, select: { id: true, status: true, createdAt: true, dimensions: true } }), { timeout: 120_000 });
}

async function closeRound(round: string): Promise<void> {
  const q = new Queue(QueueName.SURVEYS, { connection: redisConnection('redis://127.0.0.1:6379'), prefix: api.redisPrefix });
  try {
    await q.add(JobName.CLOSE_ROUND, { tenantId, roundId: round }, { jobId: `${jobId.close(round)}-${Date.now()}` });
  } finally {
    await q.close();
  }
}

beforeAll(async () => {
  api = await startTestApp('releases', {}, DEMO_TEMPLATE);
  const [row] = await api.prisma.$queryRaw<{ id: string }[]>`SELECT tenant_id AS id FROM auth_find_accounts('hr@acme.example')`;
  tenantId = row!.id;
  const rows = await withTenant(api.prisma, tenantId, async (tx) => ({
    units: await tx.orgUnit.findMany({ select: { id: true, path: true } }),
    round: await tx.pulseRound.findFirstOrThrow({ where: { status: 'CLOSED' }, orderBy: { sequence: 'desc' }, select: { id: true } }),
  }));
  for (const u of rows.units) units.set(u.path, u.id);
  roundId = rows.round.id;
  worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  if (!process.env.TEST_LOGS) worker.useLogger(false);
  await worker.init();
  hr = (await signIn(api, 'hr@acme.example', DEMO_PASSWORD)).token;
  manager = (await signIn(api, 'manager@acme.example', DEMO_PASSWORD)).token;
}, 1_200_000);

afterAll(async () => {
  // Closing the worker lets a running aggregation finish (graceful shutdown): that can take a while.
  await worker?.close();
  await api?.close();
}, 300_000);

let releaseId: string;

it('closing a round stores an audited release that the API lists', async () => {
  const before = await releaseOf(roundId);
  await closeRound(roundId);
  const release = await waitUntil(async () => {
    const r = await releaseOf(roundId);
    return r && (!before || r.createdAt > before.createdAt) ? r : null;
  }, 'the aggregation job');
  expect(release).toMatchObject({ status: 'PUBLISHED', dimensions: DIMS });
  releaseId = release.id;
  const listed = await api.gql<{ releases: { id: string; status: string; label: string }[] }>('{ releases { id status label } }', {}, { token: hr });
  expect(listed.data?.releases[0]).toMatchObject({ id: releaseId, status: 'PUBLISHED', label: expect.stringMatching(/^Monthly culture pulse · \w+ \d{4}$/) });
}, 180_000);

it('shows the heatmap of a division: small teams hidden, a neighbour protecting each, in org-tree order', async () => {
  const res = await api.gql<Results>(RESULTS, { releaseId, orgUnitId: units.get('Engineering') }, { token: hr });
  expect(res.errors).toBeUndefined();
  const { rows } = res.data!.releaseResults;
  expect(rows[0]).toMatchObject({ name: 'Engineering', isSelectedUnit: true });
  const teams = rows.slice(1).map((r) => r.name);
  expect(teams).toEqual([...teams].sort((a, b) => a.localeCompare(b)));
  // The division head alone is a "(direct)" group below k: counted in no cell, so no row.
  expect(teams).toHaveLength(8);
  expect(rows.some((r) => r.direct)).toBe(false);
  const security = rows.find((r) => r.name === 'Security')!;
  expect(security).toMatchObject({ hidden: true, reason: 'BELOW_THRESHOLD', respondents: null, responseRate: null });
  expect(security.values.every((v) => v.hidden && v.mean === null && v.answered === null && v.distribution === null)).toBe(true);
  // Subtracting the shown teams from Engineering must not give Security: something else is hidden too
  // (another team, or the division's total).
  expect(rows.filter((r) => r.hidden && r.name !== 'Security').length).toBeGreaterThan(0);
  expect(rows.filter((r) => r.reason === 'COMPLEMENTARY').length).toBeGreaterThan(0);
  // The organisation's own heatmap: the divisions in org-tree order, and no "(direct)" row — the
  // CEO and one admin directly in it (and each division head) are counted in no cell at all.
  const top = await api.gql<Results>(RESULTS, { releaseId }, { token: hr });
  expect(top.data!.releaseResults.rows.map((r) => r.name)).toEqual(['Acme Robotics', 'Engineering', 'Operations', 'People & Finance', 'Sales & Marketing']);
  expect(top.data!.releaseResults.release.notCounted).toBeGreaterThanOrEqual(2 + 4);
  for (const row of rows.filter((r) => !r.hidden)) {
    expect(row.respondents).toBeGreaterThanOrEqual(5);
    for (const v of row.values.filter((x) => !x.hidden)) expect(v.answered).toBeGreaterThanOrEqual(5);
  }
});

it('cuts results by an allowed dimension and refuses any other', async () => {
  for (const dimension of DIMS) {
    const res = await api.gql<Results>(RESULTS, { releaseId, dimension }, { token: hr });
    expect(res.errors).toBeUndefined();
    const { rows, orgUnitId, dimension: echoed } = res.data!.releaseResults;
    expect(orgUnitId).toBe(units.get(''));
    expect(echoed).toBe(dimension);
    // The whole organisation cut by the dimension: one row per value the release holds, never an
    // uncut row mixed in. In the demo organisation the splits cost unit totals, and totals come
    // first (packages/privacy, protectModel), so a release may hold no split at all: then no row.
    const own = rows.filter((r) => r.isSelectedUnit);
    const stored = await withTenant(api.prisma, tenantId, (tx) =>
      tx.releaseCell.count({ where: { releaseId, nodeKey: `u:${units.get('')}`, NOT: { dims: { path: [dimension], equals: '*' } } } }),
    );
    expect(own.length).toBe(stored);
    expect(rows.every((r) => typeof r.dimensionValue === 'string')).toBe(true);
    expect(new Set(own.map((r) => r.dimensionValue)).size).toBe(own.length);
    for (const row of rows.filter((r) => !r.hidden)) expect(row.respondents).toBeGreaterThanOrEqual(5);
  }
  const bad = await api.gql(RESULTS, { releaseId, dimension: 'salary' }, { token: hr });
  expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(bad.data).toBeNull();
});

it('keeps a manager inside their own subtree', async () => {
  const own = await api.gql<Results>(RESULTS, { releaseId }, { token: manager });
  expect(own.errors).toBeUndefined();
  expect(own.data!.releaseResults.orgUnitId).toBe(units.get('Engineering/Platform'));
  for (const path of ['', 'Engineering', 'Engineering/Storage', 'Operations']) {
    const other = await api.gql(RESULTS, { releaseId, orgUnitId: units.get(path) }, { token: manager });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(other.data).toBeNull();
  }
  const comments = await api.gql('query($r: ID!, $u: ID!) { releaseComments(releaseId: $r, orgUnitId: $u) { available } }', { r: releaseId, u: units.get('') }, { token: manager });
  expect(comments.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});

it('shows comments only for groups of at least max(k, 10), dated by round', async () => {
  const q = 'query($r: ID!, $u: ID!) { releaseComments(releaseId: $r, orgUnitId: $u) { available threshold unavailableReason comments { text roundLabel } } }';
  const whole = await api.gql<{ releaseComments: { available: boolean; threshold: number; comments: { text: string; roundLabel: string }[] } }>(q, { r: releaseId, u: units.get('') }, { token: hr });
  expect(whole.data?.releaseComments).toMatchObject({ available: true, threshold: 10 });
  expect(whole.data!.releaseComments.comments.length).toBeGreaterThan(0);
  expect(whole.data!.releaseComments.comments.every((c) => /^\w+ \d{4}$/.test(c.roundLabel))).toBe(true);
  const small = await api.gql<{ releaseComments: { available: boolean; comments: unknown[]; unavailableReason: string } }>(q, { r: releaseId, u: units.get('Engineering/Security') }, { token: hr });
  expect(small.data?.releaseComments).toMatchObject({ available: false, comments: [] });
  expect(small.data!.releaseComments.unavailableReason).toMatch(/at least 10 respondents/);
});

it('stores the same release when the round is aggregated again', async () => {
  const cells = () =>
    withTenant(api.prisma, tenantId, async (tx) => {
      const release = await tx.release.findFirstOrThrow({ where: { roundId }, include: { cells: { orderBy: { cellKey: 'asc' } } } });
      return { status: release.status, commentNodes: release.commentNodes, cells: release.cells.map(({ releaseId: _r, ...c }) => c), createdAt: release.createdAt };
    });
  const first = await cells();
  await closeRound(roundId);
  const second = await waitUntil(async () => {
    const c = await cells();
    return c.createdAt > first.createdAt ? c : null;
  }, 'the second aggregation');
  expect({ ...second, createdAt: null }).toEqual({ ...first, createdAt: null });
}, 180_000);

it('does not show a release made under a lower k than the current one', async () => {
  releaseId = (await releaseOf(roundId))!.id; // re-aggregation stored it anew
  await withTenant(api.prisma, tenantId, (tx) => tx.release.updateMany({ where: { id: releaseId }, data: { k: 4 } }));
  try {
    const res = await api.gql<Results>(RESULTS, { releaseId }, { token: hr });
    expect(res.errors).toBeUndefined();
    expect(res.data!.releaseResults.release).toMatchObject({ status: 'WITHHELD' });
    expect(res.data!.releaseResults.rows).toEqual([]);
    const comments = await api.gql<{ releaseComments: { available: boolean } }>('query($r: ID!, $u: ID!) { releaseComments(releaseId: $r, orgUnitId: $u) { available } }', { r: releaseId, u: units.get('') }, { token: hr });
    expect(comments.data?.releaseComments.available).toBe(false);
  } finally {
    await withTenant(api.prisma, tenantId, (tx) => tx.release.updateMany({ where: { id: releaseId }, data: { k: 5 } }));
  }
});

it('refuses to lower k once rounds have answers, and applies a raised k to answered rounds', async () => {
  const admin = (await signIn(api, 'admin@acme.example', DEMO_PASSWORD)).token;
  const update = 'mutation($k: Int!) { updateTenantPolicy(input: { anonymityThreshold: $k }) { anonymityThreshold } }';
  const lower = await api.gql(update, { k: 3 }, { token: admin });
  expect(lower.errors?.[0]?.extensions?.code).toBe('ANONYMITY_THRESHOLD');
  expect(lower.errors?.[0]?.message).toMatch(/cannot be lowered below 5/);
  const raise = await api.gql<{ updateTenantPolicy: { anonymityThreshold: number } }>(update, { k: 6 }, { token: admin });
  expect(raise.data?.updateTenantPolicy.anonymityThreshold).toBe(6);
  // The raised k reaches answered rounds: the sweep re-aggregates their releases under it.
  // (The sweep re-makes them oldest first; the first one is enough to see it happen.)
  const first = await withTenant(api.prisma, tenantId, (tx) => tx.pulseRound.findFirstOrThrow({ where: { sequence: 1 }, select: { id: true } }));
  await waitUntil(async () => (await withTenant(api.prisma, tenantId, (tx) => tx.release.findFirst({ where: { roundId: first.id, k: 6 } }))) ?? null, 'the re-aggregation under k = 6');
  const back = await api.gql(update, { k: 5 }, { token: admin });
  expect(back.errors?.[0]?.extensions?.code).toBe('ANONYMITY_THRESHOLD');
}, 300_000);
