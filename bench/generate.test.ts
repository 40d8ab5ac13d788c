// The benchmark data generator at a tiny size: the same seed makes the same organisation and
// answers, the tree has the promised shape (4–6 levels, teams of ≈20, some below 5), answers
// carry no person, and each round has exactly as many answers as people marked as answered.
// Runs with the worker's Jest project (apps/worker/jest.config.mjs picks up bench/*.test.ts).
import { createPrismaClient, withTenant, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { buildOrganisation, generate, type GeneratedTenant } from './generate.js';

let dbs: TestDatabase[] = [];
let clients: Db[] = [];
const runs: { prisma: Db; gen: GeneratedTenant }[] = [];

async function generateInFreshDb(seed: number) {
  const db = await createTestDatabase('bench_generate');
  dbs.push(db);
  const prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  clients.push(prisma);
  const gen = await generate({ people: 300, rounds: 2, seed, databaseUrl: db.appUrl, signalMonths: 1 });
  return { prisma, gen };
}

/** Everything the seed decides, without the ids that are random by design (answer ids) or per database. */
async function digest(prisma: Db, tenantId: string): Promise<string> {
  return withTenant(prisma, tenantId, async (tx) => {
    const units = await tx.orgUnit.findMany({ select: { id: true, path: true } });
    const pathOf = new Map(units.map((u) => [u.id, u.path]));
    const people = await tx.person.findMany({ select: { id: true, email: true, orgUnitId: true, location: true, startDate: true, managerId: true }, orderBy: { email: 'asc' } });
    const emailOf = new Map(people.map((p) => [p.id, p.email]));
    const rounds = await tx.pulseRound.findMany({ select: { id: true, sequence: true, respondedCount: true }, orderBy: { sequence: 'asc' } });
    const perRound = [];
    for (const r of rounds) {
      const invitations = await tx.pulseInvitation.findMany({ where: { roundId: r.id }, select: { personId: true, cellUnitId: true, cellLocation: true, cellTenure: true, responded: true } });
      const responses = await tx.response.findMany({ where: { roundId: r.id }, select: { cellUnitId: true, cellLocation: true, cellTenure: true, answers: true } });
      const questions = await tx.question.findMany({ select: { id: true, key: true } });
      const keyOf = new Map(questions.map((q) => [q.id, q.key]));
      perRound.push({
        sequence: r.sequence,
        invitations: invitations.map((i) => `${emailOf.get(i.personId)}|${pathOf.get(i.cellUnitId)}|${i.cellLocation}|${i.cellTenure}|${i.responded}`).sort(),
        responses: responses.map((x) => `${pathOf.get(x.cellUnitId)}|${x.cellLocation}|${x.cellTenure}|${Object.entries(x.answers as Record<string, number>).map(([q, v]) => `${keyOf.get(q)}=${v}`).sort().join(',')}`).sort(),
      });
    }
    return JSON.stringify({
      units: units.map((u) => u.path).sort(),
      people: people.map((p) => `${p.email}|${pathOf.get(p.orgUnitId)}|${p.location}|${p.startDate?.toISOString()}|${p.managerId ? emailOf.get(p.managerId) : ''}`),
      perRound,
    });
  });
}

beforeAll(async () => {
  runs.push(await generateInFreshDb(11), await generateInFreshDb(11));
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  await Promise.all(dbs.map((d) => d.drop()));
  clients = [];
  dbs = [];
});

it('makes the same tenant for the same seed, and a different organisation for another seed', async () => {
  const [a, b] = await Promise.all(runs.map((r) => digest(r.prisma, r.gen.tenantId)));
  expect(a).toEqual(b);
  expect(a!.length).toBeGreaterThan(10_000);
  const at = new Date(Date.UTC(2026, 0, 1));
  expect(JSON.stringify(buildOrganisation(300, 11, 'x', at))).toEqual(JSON.stringify(buildOrganisation(300, 11, 'x', at)));
  expect(JSON.stringify(buildOrganisation(300, 12, 'x', at))).not.toEqual(JSON.stringify(buildOrganisation(300, 11, 'x', at)));
});

it('builds a 4–6 level tree with teams of about 20, including teams below 5', () => {
  for (const size of [300, 10_000]) {
    const org = buildOrganisation(size, 1, 'x', new Date());
    expect(org.people).toHaveLength(size);
    expect(org.depth).toBeGreaterThanOrEqual(4);
    expect(org.depth).toBeLessThanOrEqual(6);
    const headcount = new Map<string, number>();
    for (const p of org.people) headcount.set(p.orgUnitId, (headcount.get(p.orgUnitId) ?? 0) + 1);
    const teams = org.units.filter((u) => u.team).map((u) => headcount.get(u.id) ?? 0);
    const small = teams.filter((n) => n < 5).length;
    expect(small).toBeGreaterThanOrEqual(Math.max(1, Math.floor(teams.length * 0.1)));
    const mean = teams.reduce((s, n) => s + n, 0) / teams.length;
    expect(mean).toBeGreaterThan(14);
    expect(mean).toBeLessThan(30);
    // Every unit's parent exists, and paths are unique.
    const ids = new Set(org.units.map((u) => u.id));
    expect(org.units.every((u) => u.parentId === null || ids.has(u.parentId))).toBe(true);
    expect(new Set(org.units.map((u) => u.path)).size).toBe(org.units.length);
    if (size === 10_000) expect(org.units.length).toBeGreaterThan(400), expect(org.units.length).toBeLessThan(650);
  }
});

it('stores answers with no person, as many per round as people marked as answered', async () => {
  const { prisma, gen } = runs[0]!;
  expect(gen.loadedWith['people, pulse_invitations, responses, response_comments']).toMatch(/^COPY/);
  const columns = await prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ('responses', 'response_comments')`;
  expect(columns.length).toBeGreaterThan(0);
  expect(columns.filter((c) => /person|invitation|link|created|time/.test(c.column_name))).toEqual([]);
  await withTenant(prisma, gen.tenantId, async (tx) => {
    const people = await tx.person.findMany({ select: { id: true } });
    const invitationIds = (await tx.pulseInvitation.findMany({ select: { id: true } })).map((i) => i.id);
    const known = new Set([...people.map((p) => p.id), ...invitationIds]);
    expect(gen.roundIds).toHaveLength(2);
    for (const roundId of gen.roundIds) {
      const round = await tx.pulseRound.findUniqueOrThrow({ where: { tenantId_id: { tenantId: gen.tenantId, id: roundId } } });
      const responded = await tx.pulseInvitation.count({ where: { roundId, responded: true } });
      const responses = await tx.response.findMany({ where: { roundId }, select: { id: true, answers: true } });
      expect(responses.length).toBe(responded);
      expect(round.respondedCount).toBe(responded);
      expect(responded).toBeGreaterThan(100);
      expect(responded).toBeLessThan(300);
      for (const r of responses) {
        expect(known.has(r.id)).toBe(false);
        expect(JSON.stringify(r.answers)).not.toMatch(new RegExp(people.slice(0, 50).map((p) => p.id).join('|')));
      }
      const audience = await tx.roundAudience.aggregate({ where: { roundId }, _sum: { eligible: true } });
      expect(audience._sum.eligible).toBe(300);
    }
    expect(await tx.kpi.count()).toBe(5);
    expect(await tx.signalRelease.count()).toBe(3);
  });
});
