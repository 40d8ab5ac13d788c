// `npm run db:seed`: the demo organisation "Acme Robotics" (≈400 people, 4
// divisions, 25 teams — a few smaller than the anonymity threshold — several
// locations and tenure bands) and the platform operators' tenant, with one
// sign-in per role. Deterministic (fixed random seed) and idempotent: it does
// nothing when the demo tenant already exists.
import { hash } from '@node-rs/argon2';
import { loadConfig } from '../packages/config/src/index.js';
import { randomUUID } from 'node:crypto';
import { createPrismaClient, seedQuestionBank, withPlatform, withTenant, type Db, type Role } from '../packages/db/src/index.js';
import { coarsenCells, tenureBand } from '../apps/worker/src/modules/surveys/audience.js';
import { freezeAudience } from '../apps/worker/src/modules/surveys/round-audience.js';
import type { WorkerDb } from '../apps/worker/src/common/infrastructure.js';
import { RoundAggregator } from '../apps/worker/src/modules/releases/round-aggregator.js';
import { ensureBuiltInSignals } from '../apps/api/src/modules/signals/signal-catalogue.js';
import { loadPublishContext, replaceAndPublish } from '../apps/api/src/modules/signals/signal-publisher.js';
import { addMonths, monthOf } from '../apps/api/src/modules/signals/months.js';

export const DEMO_PASSWORD = 'pulsewise-demo';
export const DEMO_ACCOUNTS = {
  platform: 'platform@pulsewise.example',
  admin: 'admin@acme.example',
  hr: 'hr@acme.example',
  manager: 'manager@acme.example',
  employee: 'employee@acme.example',
} as const;

const SEED_ACTOR = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };

/** mulberry32: a tiny deterministic PRNG so every seed run builds the same organisation. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LOCATIONS = [
  { name: 'Berlin', timeZone: 'Europe/Berlin' },
  { name: 'Boston', timeZone: 'America/New_York' },
  { name: 'Bangalore', timeZone: 'Asia/Kolkata' },
  { name: 'Tokyo', timeZone: 'Asia/Tokyo' },
];
const FIRST = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Gus', 'Hana', 'Ivan', 'Jia', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zoe'];
const LAST = ['Abe', 'Berg', 'Costa', 'Dubois', 'Eze', 'Fischer', 'Garcia', 'Hoang', 'Iyer', 'Jansen', 'Kim', 'Larsen', 'Mensah', 'Nakamura', 'Okafor', 'Patel', 'Quispe', 'Rossi', 'Silva', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zhang'];

/** Divisions and their teams with headcounts (team lead included). Three teams are smaller than 5 on purpose. */
export const ACME_TEAMS: Record<string, [string, number][]> = {
  Engineering: [['Platform', 20], ['Storage', 18], ['Robotics Firmware', 24], ['Vision', 20], ['Mobile', 16], ['Quality', 14], ['Security', 4], ['Developer Experience', 17]],
  Operations: [['Manufacturing', 26], ['Supply Chain', 18], ['Logistics', 17], ['Field Service', 22], ['Facilities', 3], ['Procurement', 15]],
  'Sales & Marketing': [['Enterprise Sales', 20], ['Mid-Market Sales', 18], ['Marketing', 16], ['Customer Success', 24], ['Partnerships', 4]],
  'People & Finance': [['People Operations', 14], ['Finance', 16], ['Legal', 6], ['Talent', 12], ['IT', 14], ['Analytics', 10]],
};

export async function seed(databaseUrl = loadConfig().DATABASE_URL): Promise<'seeded' | 'already-seeded'> {
  const prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
  try {
    const existing = await withPlatform(prisma, SEED_ACTOR, async (tx, audit) => {
      const found = await tx.tenant.findUnique({ where: { slug: 'acme' } });
      if (found) await audit.record('seed.skipped', found.id);
      return found;
    }).catch(() => null);
    if (existing) return 'already-seeded';

    const passwordHash = await hash(DEMO_PASSWORD);
    const random = rng(20261124);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const usedEmails = new Set<string>(Object.values(DEMO_ACCOUNTS));
    const person = () => {
      for (;;) {
        const first = pick(FIRST);
        const last = pick(LAST);
        const email = `${first}.${last}${usedEmails.size > 300 ? Math.floor(random() * 90 + 10) : ''}@acme.example`.toLowerCase();
        if (!usedEmails.has(email)) {
          usedEmails.add(email);
          return { name: `${first} ${last}`, email };
        }
      }
    };
    // Tenure from a few weeks to 12 years, counted back from this month: the rounds are
    // dated relative to today too, so every day's seed has the same tenure bands.
    const thisMonth = new Date();
    const startDate = () =>
      new Date(Date.UTC(thisMonth.getUTCFullYear() - Math.floor(random() ** 1.6 * 12), thisMonth.getUTCMonth() - 1 - Math.floor(random() * 12), 1 + Math.floor(random() * 27)));

    // Platform operators' tenant.
    const platform = await withPlatform(prisma, SEED_ACTOR, async (tx, audit) => {
      const t = await tx.tenant.create({ data: { slug: 'platform', name: 'Pulsewise Platform', kind: 'PLATFORM' } });
      await audit.record('tenant.created', t.id, { seed: true });
      return t;
    });
    await withTenant(prisma, platform.id, async (tx) => {
      await tx.tenantPolicy.create({ data: { tenantId: platform.id } });
      const root = await tx.orgUnit.create({ data: { tenantId: platform.id, name: platform.name, path: '' } });
      const op = await tx.person.create({ data: { tenantId: platform.id, email: DEMO_ACCOUNTS.platform, displayName: 'Pat Platform', orgUnitId: root.id, roles: ['PLATFORM_ADMIN'] } });
      await tx.credential.create({ data: { tenantId: platform.id, personId: op.id, passwordHash } });
    });

    const acme = await withPlatform(prisma, SEED_ACTOR, async (tx, audit) => {
      const t = await tx.tenant.create({ data: { slug: 'acme', name: 'Acme Robotics' } });
      await audit.record('tenant.created', t.id, { seed: true });
      return t;
    });
    await withTenant(
      prisma,
      acme.id,
      async (tx) => {
        const tenantId = acme.id;
        await tx.tenantPolicy.create({ data: { tenantId } });
        await seedQuestionBank(tx, tenantId);
        const root = await tx.orgUnit.create({ data: { tenantId, name: 'Acme Robotics', path: '' } });
        type Row = { id: string; email: string; displayName: string; orgUnitId: string; managerId: string | null; location: string; timeZone: string; startDate: Date; roles: Role[] };
        const rows: Row[] = [];
        const add = (r: Omit<Row, 'id'>) => {
          const row = { ...r, id: crypto.randomUUID() };
          rows.push(row);
          return row;
        };
        const berlin = LOCATIONS[0]!;
        const ceo = add({ email: 'ceo@acme.example', displayName: 'Ingrid Acme', orgUnitId: root.id, managerId: null, location: berlin.name, timeZone: berlin.timeZone, startDate: new Date(Date.UTC(2014, 2, 3)), roles: ['EMPLOYEE', 'MANAGER'] });
        add({ email: DEMO_ACCOUNTS.admin, displayName: 'Alex Admin', orgUnitId: root.id, managerId: ceo.id, location: berlin.name, timeZone: berlin.timeZone, startDate: new Date(Date.UTC(2019, 4, 6)), roles: ['EMPLOYEE', 'TENANT_ADMIN'] });

        let teamIndex = 0;
        for (const [division, teams] of Object.entries(ACME_TEAMS)) {
          const divisionUnit = await tx.orgUnit.create({ data: { tenantId, name: division, path: division, parentId: root.id } });
          const headLoc = LOCATIONS[teamIndex % LOCATIONS.length]!;
          const headIdentity = division === 'People & Finance' ? { email: DEMO_ACCOUNTS.hr, name: 'Harper HR' } : person();
          const head = add({
            email: headIdentity.email, displayName: headIdentity.name, orgUnitId: divisionUnit.id, managerId: ceo.id, location: headLoc.name, timeZone: headLoc.timeZone,
            startDate: startDate(), roles: division === 'People & Finance' ? ['EMPLOYEE', 'MANAGER', 'HR_LEADER'] : ['EMPLOYEE', 'MANAGER'],
          });
          for (const [team, size] of teams) {
            const path = `${division}/${team}`;
            const unit = await tx.orgUnit.create({ data: { tenantId, name: team, path, parentId: divisionUnit.id } });
            // Most teams sit in one location, with some people elsewhere.
            const home = LOCATIONS[teamIndex % LOCATIONS.length]!;
            const where = () => (random() < 0.8 ? home : pick(LOCATIONS));
            const leadIdentity = team === 'Platform' ? { email: DEMO_ACCOUNTS.manager, name: 'Morgan Manager' } : person();
            const leadLoc = where();
            const lead = add({ email: leadIdentity.email, displayName: leadIdentity.name, orgUnitId: unit.id, managerId: head.id, location: leadLoc.name, timeZone: leadLoc.timeZone, startDate: startDate(), roles: ['EMPLOYEE', 'MANAGER'] });
            for (let i = 1; i < size; i++) {
              const identity = team === 'Platform' && i === 1 ? { email: DEMO_ACCOUNTS.employee, name: 'Emery Employee' } : person();
              const loc = where();
              add({ email: identity.email, displayName: identity.name, orgUnitId: unit.id, managerId: lead.id, location: loc.name, timeZone: loc.timeZone, startDate: startDate(), roles: ['EMPLOYEE'] });
            }
            teamIndex++;
          }
        }
        await tx.person.createMany({ data: rows.map((r) => ({ ...r, tenantId })) });
        const demo = rows.filter((r) => (Object.values(DEMO_ACCOUNTS) as string[]).includes(r.email));
        await tx.credential.createMany({ data: demo.map((r) => ({ tenantId, personId: r.id, passwordHash })) });
      },
      { timeout: 60_000 },
    );
    await seedPulseHistory(prisma, acme.id, rng(7));
    await publishReleases(prisma, acme.id);
    await seedSignalsAndKpis(prisma, acme.id, rng(11));
    return 'seeded';
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * The audited releases of the seeded rounds, made by the worker's own aggregation
 * job code, oldest first (each is audited against the ones before it).
 */
async function publishReleases(prisma: Db, tenantId: string): Promise<void> {
  const aggregator = new RoundAggregator({ client: prisma } as unknown as WorkerDb);
  const rounds = await withTenant(prisma, tenantId, (tx) => tx.pulseRound.findMany({ where: { status: 'CLOSED' }, orderBy: { sequence: 'asc' }, select: { id: true } }));
  for (const round of rounds) await aggregator.aggregate(tenantId, round.id);
}

/**
 * Six months of completed monthly rounds for the whole organisation, written the
 * way the product writes them: participation in one transaction, answers in
 * shuffled batches of at least 10 in others, with no link between the two.
 * Answers follow a per-team climate that drifts month to month, so trends exist.
 */
async function seedPulseHistory(prisma: Db, tenantId: string, random: () => number): Promise<void> {
  const MONTHS = 6;
  const KEYS = ['energy', 'breaks', 'workload', 'after_hours', 'flexibility', 'time_off', 'psych_safety', 'recognition', 'alignment'];
  const { people, questions, policy } = await withTenant(prisma, tenantId, async (tx) => ({
    people: await tx.person.findMany({ where: { active: true }, select: { id: true, orgUnitId: true, location: true, startDate: true }, orderBy: { id: 'asc' } }),
    questions: await tx.question.findMany({ where: { current: true }, select: { id: true, key: true } }),
    policy: await tx.tenantPolicy.findUniqueOrThrow({ where: { tenantId } }),
  }));
  const questionId = new Map(questions.map((q) => [q.key, q.id]));
  const root = await withTenant(prisma, tenantId, (tx) => tx.orgUnit.findFirstOrThrow({ where: { path: '' } }));
  const programme = await withTenant(prisma, tenantId, async (tx) => {
    const p = await tx.pulseProgramme.create({
      data: { tenantId, name: 'Monthly culture pulse', cadence: 'MONTHLY', openDays: 7, questionsPerRound: 6, questionKeys: [...KEYS, 'comment'], startsAt: new Date(Date.UTC(2026, 5, 1, 6)) },
    });
    await tx.programmeAudience.create({ data: { tenantId, programmeId: p.id, orgUnitId: root.id } });
    return p;
  });
  // Each team has a climate (how things are, on a 1–5 scale) that drifts a little every month.
  const climate = new Map<string, number>();
  for (const person of people) if (!climate.has(person.orgUnitId)) climate.set(person.orgUnitId, 2.6 + random() * 1.8);
  const clamp = (v: number) => Math.min(5, Math.max(1, Math.round(v)));
  const now = new Date();
  for (let m = MONTHS; m >= 1; m--) {
    const opensAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - m, 3, 6));
    const closesAt = new Date(opensAt.getTime() + 7 * 24 * 3600 * 1000);
    const sequence = MONTHS - m + 1;
    const keys = Array.from({ length: 5 }, (_, i) => KEYS[((sequence - 1) * 5 + i) % KEYS.length]!).concat('comment');
    for (const unit of climate.keys()) climate.set(unit, Math.min(4.6, Math.max(1.8, climate.get(unit)! + (random() - 0.5) * 0.5)));
    const cells = coarsenCells(
      people.map((p) => ({ unitId: p.orgUnitId, location: p.location ?? 'UNKNOWN', tenure: tenureBand(p.startDate, opensAt) })),
      policy.anonymityThreshold,
      { location: policy.allowedDimensions.includes('location'), tenure: policy.allowedDimensions.includes('tenure') },
    );
    const responded = people.map(() => random() < 0.72);
    // Participation first, in its own transaction…
    const round = await withTenant(prisma, tenantId, async (tx) => {
      const r = await tx.pulseRound.create({
        data: {
          tenantId, programmeId: programme.id, sequence, opensAt, closesAt, status: 'CLOSED', closedAt: closesAt, anonymityThreshold: policy.anonymityThreshold,
          eligibleCount: people.length, invitedCount: people.length, respondedCount: responded.filter(Boolean).length,
        },
      });
      await tx.roundQuestion.createMany({ data: keys.map((key, position) => ({ tenantId, roundId: r.id, questionId: questionId.get(key)!, position })) });
      await tx.pulseInvitation.createMany({
        data: people.map((p, i) => ({ tenantId, roundId: r.id, personId: p.id, cellUnitId: cells[i]!.unitId, cellLocation: cells[i]!.location, cellTenure: cells[i]!.tenure, status: 'SENT' as const, sendAt: opensAt, responded: responded[i]! })),
      });
      await freezeAudience(tx as unknown as Parameters<typeof freezeAudience>[0], tenantId, r.id);
      return r;
    });
    // …then the answers, shuffled, in batches of at least 10 — never next to a person.
    const answers = people.flatMap((p, i) => {
      if (!responded[i]) return [];
      const base = climate.get(p.orgUnitId)! + (random() - 0.5) * 1.6;
      const values: Record<string, number> = {};
      for (const key of keys.slice(0, 5)) values[questionId.get(key)!] = clamp(base + (random() - 0.5) * 1.2 - (key === 'after_hours' ? 0.4 : 0));
      const comment = random() < 0.12 ? pick(random, COMMENTS) : null;
      return [{ cell: cells[i]!, values, comment }];
    });
    shuffleInPlace(answers, random);
    for (let start = 0; start < answers.length; start += 40) {
      const batch = answers.slice(start, start + 40);
      await withTenant(prisma, tenantId, async (tx) => {
        await tx.response.createMany({ data: batch.map((a) => ({ tenantId, id: randomUUID(), roundId: round.id, cellUnitId: a.cell.unitId, cellLocation: a.cell.location, cellTenure: a.cell.tenure, answers: a.values })) });
        const comments = batch.filter((a) => a.comment);
        if (comments.length) await tx.responseComment.createMany({ data: comments.map((a) => ({ tenantId, id: randomUUID(), roundId: round.id, cellUnitId: a.cell.unitId, text: a.comment! })) });
      });
    }
  }
}

const COMMENTS = [
  'Meetings after 6pm with other time zones are wearing people down.',
  'The no-meeting Friday afternoons really help.',
  'I would like clearer priorities from leadership.',
  'It is hard to take a full lunch break during release weeks.',
  'Flexible hours made a real difference for my family.',
  'We keep discussing success metrics that my manager and I never agreed on.',
  'On-call weeks make it hard to switch off.',
  'Recognition mostly goes to whoever is loudest.',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await seed();
  console.log(
    result === 'seeded'
      ? `Seeded the demo organisation "Acme Robotics". Sign in with password "${DEMO_PASSWORD}" as ${Object.values(DEMO_ACCOUNTS).join(', ')}.`
      : 'Demo data already present; nothing to seed.',
  );
}

/**
 * Twelve months of imported behavioural signals (as an HR system would send them:
 * per team, averages per person, teams smaller than k left out because the import
 * refuses them) published through the same privacy-engine path as a real import,
 * five business KPIs with monthly figures, and a personal-success example for the
 * demo employee and manager.
 */
export async function seedSignalsAndKpis(prisma: Db, tenantId: string, random: () => number): Promise<void> {
  // The API's signal code is typed against the built @pulsewise/db; this file uses its sources.
  type ApiTx = Parameters<typeof loadPublishContext>[0];
  const last = addMonths(monthOf(new Date()), -1);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(last, i - 11));
  const { units, headcounts, k, signals } = await withTenant(prisma, tenantId, async (tx) => {
    await ensureBuiltInSignals(tx as unknown as ApiTx, tenantId);
    await tx.signal.update({ where: { tenantId_key: { tenantId, key: 'time_off' } }, data: { healthyMin: 20 } });
    await tx.signal.update({ where: { tenantId_key: { tenantId, key: 'after_hours_work' } }, data: { healthyMax: 10 } });
    await tx.signal.update({ where: { tenantId_key: { tenantId, key: 'flexibility_usage' } }, data: { healthyMin: 50 } });
    return {
      units: await tx.orgUnit.findMany({ select: { id: true, path: true } }),
      headcounts: await tx.person.groupBy({ by: ['orgUnitId'], where: { active: true }, _count: true }),
      k: (await tx.tenantPolicy.findUniqueOrThrow({ where: { tenantId } })).anonymityThreshold,
      signals: await tx.signal.findMany({ where: { source: 'IMPORT' }, select: { id: true, key: true, valueMin: true, valueMax: true } }),
    };
  });
  const size = new Map(headcounts.map((h) => [h.orgUnitId, h._count]));
  const teams = units.filter((u) => u.path.includes('/') && (size.get(u.id) ?? 0) >= k);
  const round1 = (v: number) => Math.round(v * 10) / 10;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  // Each team has its own habits; months add seasonality (summer and December holidays) and noise.
  const baseline = new Map(teams.map((t) => [t.id, { afterHours: 4 + random() * 14, flex: 35 + random() * 50, timeOff: 14 + random() * 14 }]));
  for (const signal of signals) {
    const rows = months.flatMap((month) => {
      const m = Number(month.slice(5));
      const holiday = m === 7 || m === 8 ? 1.6 : m === 12 ? 1.4 : m === 1 ? 0.7 : 1;
      return teams.map((team) => {
        const b = baseline.get(team.id)!;
        const value =
          signal.key === 'after_hours_work' ? clamp(b.afterHours * (m === 12 ? 0.7 : 1) + (random() - 0.5) * 4, 0, 100)
          : signal.key === 'flexibility_usage' ? clamp(b.flex + (random() - 0.5) * 12, 0, 100)
          : clamp(b.timeOff * holiday + (random() - 0.5) * 5, 0, 60);
        const n = Math.max(k, size.get(team.id)! - Math.floor(random() * 3));
        return { signalId: signal.id, orgUnitId: team.id, month, value: round1(value), n };
      });
    });
    await withTenant(prisma, tenantId, async (tx) => {
      const apiTx = tx as unknown as ApiTx;
      await replaceAndPublish(apiTx, await loadPublishContext(apiTx, tenantId), new Map([[signal.id, signal]]), rows);
    }, { timeout: 600_000 });
  }

  const unitId = (path: string) => units.find((u) => u.path === path)!.id;
  const kpis = [
    { key: 'revenue', name: 'Revenue', unit: 'EUR million', description: 'Recognised revenue in the month (quarterly totals add three months).', owner: '', start: 9.5, step: 0.12, noise: 0.8 },
    { key: 'customer_satisfaction', name: 'Customer satisfaction (CSAT)', unit: '% satisfied', description: 'Share of surveyed customers who answered 4 or 5.', owner: 'Sales & Marketing', start: 82, step: 0.3, noise: 3 },
    { key: 'delivery_lead_time', name: 'Delivery lead time', unit: 'days', description: 'Median days from merged change to production.', owner: 'Engineering', start: 9, step: -0.25, noise: 1.5 },
    { key: 'on_time_delivery', name: 'On-time delivery', unit: '% of orders', description: 'Orders shipped on or before the promised date.', owner: 'Operations', start: 91, step: 0.2, noise: 2.5 },
    { key: 'first_time_fix_rate', name: 'First-time fix rate', unit: '% of visits', description: 'Field visits that fixed the problem the first time.', owner: 'Operations/Field Service', start: 74, step: 0.4, noise: 3 },
  ];
  await withTenant(prisma, tenantId, async (tx) => {
    for (const kpi of kpis) {
      const row = await tx.kpi.create({ data: { tenantId, key: kpi.key, name: kpi.name, unit: kpi.unit, description: kpi.description, orgUnitId: unitId(kpi.owner) } });
      await tx.kpiObservation.createMany({
        data: months.map((month, i) => ({ tenantId, kpiId: row.id, month, value: round1(kpi.start + kpi.step * i + (random() - 0.5) * kpi.noise) })),
      });
    }
    // "Does your boss know your personal KPI?" — the employee's own statements stay private until they share them.
    const employee = await tx.person.findUniqueOrThrow({ where: { tenantId_email: { tenantId, email: DEMO_ACCOUNTS.employee } } });
    const manager = await tx.person.findUniqueOrThrow({ where: { tenantId_email: { tenantId, email: DEMO_ACCOUNTS.manager } } });
    const quarter = `${new Date().getUTCFullYear()}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;
    await tx.successStatement.create({ data: { tenantId, subjectPersonId: employee.id, authorPersonId: employee.id, quarter, statements: ['Ship the robot-arm calibration tool without weekend work', 'Pair with a new hire every week'] } });
    await tx.successStatement.create({ data: { tenantId, subjectPersonId: employee.id, authorPersonId: manager.id, quarter, statements: ['Own the calibration tool end to end', 'Cut flaky test runs in half'] } });
  });
}
