// A deterministic synthetic tenant of any size, for the benchmarks (`npm run bench`).
//
//   npx tsx bench/generate.ts --people 10000 --rounds 3 --seed 1 [--database <url|name>]
//     [--signal-months 12] [--load copy|prisma] [--aggregate] [--dimensions location,tenure] [--json]
//
// What it makes, all from one seeded PRNG (the same flags give the same organisation,
// people, cells and answers; only the random answer ids differ, as in the product):
// - an org tree of 4–6 levels: divisions of uneven size, departments (and sub-departments
//   in the deeper divisions) and teams of ≈20 people, about a fifth of them smaller than 5;
// - people with a manager, a location (six cities, most of a team in one place, a few with
//   none) and a start date (tenure from weeks to 15 years);
// - N closed monthly rounds written the way the product writes them: participation
//   (pulse_invitations, with each person's frozen cell from the worker's own coarsenCells)
//   in one transaction, the audience frozen per cell with the worker's freezeAudience, and
//   the answers — shuffled, random ids, no person, no time — in another transaction with
//   no link back. Answers are correlated: a team climate that drifts month to month, a
//   division effect, a per-person disposition, newer joiners a little more positive,
//   after-hours strain in the cities far from headquarters' time zone; happier teams answer
//   a little more often;
// - 12 months (--signal-months) of the three imported signals per team, published through
//   the API's own import path (replaceAndPublish: the privacy engine audits every month), and
//   five KPIs with monthly figures.
//
// Loading: tenant, policy, question bank, org units, rounds, signals and KPIs go through the
// project's own code (Prisma under RLS, as seed.ts does). The four big tables — people,
// pulse_invitations, responses, response_comments — go through COPY (pg-copy-streams) by
// default, because Prisma createMany is several times slower at 100k people × N rounds; COPY
// into row-level-secured tables needs a role that bypasses RLS, so those streams connect as the
// bootstrap superuser. `--load prisma` writes them with Prisma createMany instead (answers in
// shuffled batches of 40, as seed.ts). The script prints which path each table took.
//
// --database: a PostgreSQL URL of an already migrated database (app role), or a database name
// (created and migrated with the project's runner if missing). Without it, a fresh database is
// cloned from the migrations template and kept; its URL is printed.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { APP_ROLE, OWNER_ROLE, createPrismaClient, ensureDatabase, ensureRoles, migrate, seedQuestionBank, withPlatform, withTenant, type Db, type Role } from '../packages/db/src/index.js';
import { createTestDatabase } from '../packages/db/src/testing/index.js';
import { coarsenCells, tenureBand } from '../apps/worker/src/modules/surveys/audience.js';
import { freezeAudience } from '../apps/worker/src/modules/surveys/round-audience.js';
import { ensureBuiltInSignals } from '../apps/api/src/modules/signals/signal-catalogue.js';
import { loadPublishContext, replaceAndPublish } from '../apps/api/src/modules/signals/signal-publisher.js';
import { addMonths, monthOf } from '../apps/api/src/modules/signals/months.js';
import type { WorkerDb } from '../apps/worker/src/common/infrastructure.js';
import { RoundAggregator } from '../apps/worker/src/modules/releases/round-aggregator.js';

export const BENCH_PASSWORD = 'pulsewise-demo';
const ACTOR = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };

export interface GenerateOptions {
  people: number;
  rounds: number;
  seed: number;
  /** App-role URL of a migrated database. */
  databaseUrl: string;
  /** Months of imported signals and KPIs (0: none). */
  signalMonths?: number;
  load?: 'copy' | 'prisma';
  /** Run the worker's aggregation job on every generated round, oldest first (what a real close does). */
  aggregate?: boolean;
  /** The tenant's allowed demographic dimensions (default: the product default, location and tenure). */
  dimensions?: string[];
  log?: (message: string) => void;
}

export interface GeneratedTenant {
  tenantId: string;
  slug: string;
  hrEmail: string;
  adminEmail: string;
  people: number;
  units: number;
  teams: number;
  depth: number;
  roundIds: string[];
  programmeId: string;
  /** Table → how it was loaded. */
  loadedWith: Record<string, string>;
  seconds: Record<string, number>;
  aggregated?: { roundId: string; status: string; ms: number }[];
}

/** mulberry32 (as prisma/seed.ts): tiny, fast and deterministic. */
export function rng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LOCATIONS = [
  { name: 'Berlin', timeZone: 'Europe/Berlin' },
  { name: 'London', timeZone: 'Europe/London' },
  { name: 'Boston', timeZone: 'America/New_York' },
  { name: 'São Paulo', timeZone: 'America/Sao_Paulo' },
  { name: 'Bangalore', timeZone: 'Asia/Kolkata' },
  { name: 'Tokyo', timeZone: 'Asia/Tokyo' },
];
/** After-hours strain by city (calls with headquarters in Berlin land in the evening far away). */
const LOCATION_STRAIN: Record<string, number> = { Berlin: 0, London: 0, Boston: 0.3, 'São Paulo': 0.2, Bangalore: 0.45, Tokyo: 0.5 };
const DIVISIONS = ['Engineering', 'Operations', 'Sales', 'Marketing', 'Customer Care', 'Finance', 'People', 'Research', 'Manufacturing', 'Legal & Compliance', 'Product', 'IT', 'Logistics', 'Data', 'Security', 'Partnerships'];
const KEYS = ['energy', 'breaks', 'workload', 'after_hours', 'flexibility', 'time_off', 'psych_safety', 'recognition', 'alignment'];
const COMMENTS = [
  'Meetings after 6pm with other time zones are wearing people down.',
  'The no-meeting Friday afternoons really help.',
  'I would like clearer priorities from leadership.',
  'It is hard to take a full lunch break during release weeks.',
  'Flexible hours made a real difference for my family.',
  'On-call weeks make it hard to switch off.',
];

interface Unit { id: string; parentId: string | null; name: string; path: string; level: number; division: number; team: boolean }
interface PersonRow { id: string; email: string; displayName: string; orgUnitId: string; managerId: string | null; location: string | null; timeZone: string; startDate: Date; roles: Role[]; disposition: number }

export interface Organisation { units: Unit[]; people: PersonRow[]; teams: number; depth: number; hrEmail: string; adminEmail: string }

/** The org tree and people, in memory (pure: a function of people and seed). */
export function buildOrganisation(peopleCount: number, seed: number, slug: string, now: Date): Organisation {
  const random = rng(seed);
  const uuid = () => {
    const h = Array.from({ length: 4 }, () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  // ≈20 people per unit overall (10k people → ≈500 units), teams of ≈24 on average.
  const teamCount = Math.max(3, Math.round(peopleCount / 24));
  const divisionCount = Math.min(DIVISIONS.length, Math.max(2, Math.round(Math.sqrt(teamCount) / 2.5)));
  const units: Unit[] = [{ id: uuid(), parentId: null, name: 'Synthetic Org', path: '', level: 1, division: -1, team: false }];

  // Teams to divisions, unevenly; each division gets 4, 5 or 6 levels (root = 1, teams at the last).
  const weights = Array.from({ length: divisionCount }, () => 0.4 + random() * 1.6);
  const total = weights.reduce((a, b) => a + b, 0);
  let assigned = 0;
  const perDivision = weights.map((w, i) => {
    const n = i === divisionCount - 1 ? teamCount - assigned : Math.max(1, Math.round((teamCount * w) / total));
    assigned += n;
    return Math.max(1, n);
  });
  const build = (parent: Unit, teams: number, levelsBelow: number, division: number) => {
    if (levelsBelow === 1) {
      for (let t = 0; t < teams; t++) units.push({ id: uuid(), parentId: parent.id, name: `${parent.name.split(' ')[0]} Team ${t + 1}`, path: `${parent.path}/Team ${t + 1}`, level: parent.level + 1, division, team: true });
      return;
    }
    // Branching so that the lowest groups hold ≈6 teams each.
    const branches = Math.max(1, Math.min(teams, Math.round((teams / 6) ** (1 / (levelsBelow - 1)) * (0.7 + random() * 0.6))));
    let left = teams;
    for (let b = 0; b < branches; b++) {
      const share = b === branches - 1 ? left : Math.max(1, Math.round(left / (branches - b) * (0.6 + random() * 0.8)));
      const n = Math.min(left - (branches - b - 1), share);
      left -= n;
      const name = `${parent.level === 1 ? '' : `${parent.name.split(' ')[0]} `}${levelsBelow === 2 ? 'Group' : 'Department'} ${b + 1}`;
      const unit: Unit = { id: uuid(), parentId: parent.id, name, path: `${parent.path}/${levelsBelow === 2 ? 'Group' : 'Department'} ${b + 1}`, level: parent.level + 1, division, team: false };
      units.push(unit);
      build(unit, n, levelsBelow - 1, division);
    }
  };
  let depth = 0;
  perDivision.forEach((teams, d) => {
    const levels = 4 + Math.floor(random() * 3);
    depth = Math.max(depth, levels);
    const division: Unit = { id: uuid(), parentId: units[0]!.id, name: DIVISIONS[d]!, path: DIVISIONS[d]!, level: 2, division: d, team: false };
    units.push(division);
    build(division, teams, levels - 2, d);
  });

  // Team sizes: ≈20 on average, about a fifth below 5; one head per non-team unit (three at the root).
  const teamUnits = units.filter((u) => u.team);
  const heads = units.length - teamUnits.length + 2;
  // A fifth of the teams, chosen at random, are smaller than 5 (k's default): always some, at any size.
  const smallCount = Math.max(1, Math.round(teamUnits.length * 0.2));
  const picked = new Set(shuffle(teamUnits.map((_, i) => i), random).slice(0, smallCount));
  const small = teamUnits.map((_, i) => picked.has(i));
  const raw = teamUnits.map((_, i) => (small[i] ? 1 + Math.floor(random() * 4) : Math.max(5, Math.round(22 + gauss() * 8))));
  const smallTotal = raw.reduce((s, n, i) => s + (small[i] ? n : 0), 0);
  const bigRaw = raw.reduce((s, n, i) => s + (small[i] ? 0 : n), 0);
  const budget = Math.max(0, peopleCount - heads - smallTotal);
  const sizes = raw.map((n, i) => (small[i] ? n : Math.max(5, Math.round((n * budget) / Math.max(1, bigRaw)))));
  // Rounding leftovers go to (or come from) the largest teams, never below 5.
  let diff = peopleCount - heads - sizes.reduce((a, b) => a + b, 0);
  const order = sizes.map((_, i) => i).filter((i) => !small[i]).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  for (let j = 0; diff !== 0 && order.length; j = (j + 1) % order.length) {
    const i = order[j]!;
    if (diff > 0) { sizes[i]!++; diff--; } else if (sizes[i]! > 5) { sizes[i]!--; diff++; } else if (order.every((x) => sizes[x]! <= 5)) break;
  }

  const domain = `${slug}.example`;
  let serial = 0;
  const people: PersonRow[] = [];
  const divisionHome = DIVISIONS.map((_, d) => LOCATIONS[d % LOCATIONS.length]!);
  const startDate = () => new Date(Date.UTC(now.getUTCFullYear() - Math.floor(random() ** 1.7 * 15), now.getUTCMonth() - 1 - Math.floor(random() * 12), 1 + Math.floor(random() * 27)));
  const add = (unit: Unit, managerId: string | null, home: (typeof LOCATIONS)[number], roles: Role[], email?: string): PersonRow => {
    serial++;
    const loc = random() < 0.02 ? null : random() < 0.8 ? home : LOCATIONS[Math.floor(random() * LOCATIONS.length)]!;
    const row: PersonRow = {
      id: uuid(), email: email ?? `p${serial}@${domain}`, displayName: `Person ${serial}`, orgUnitId: unit.id, managerId, location: loc?.name ?? null,
      timeZone: (loc ?? home).timeZone, startDate: startDate(), roles, disposition: gauss() * 0.45,
    };
    people.push(row);
    return row;
  };
  const headOf = new Map<string, string>();
  const root = units[0]!;
  const ceo = add(root, null, LOCATIONS[0]!, ['EMPLOYEE', 'MANAGER']);
  headOf.set(root.id, ceo.id);
  const hrEmail = `hr@${domain}`;
  const adminEmail = `admin@${domain}`;
  add(root, ceo.id, LOCATIONS[0]!, ['EMPLOYEE', 'HR_LEADER'], hrEmail);
  add(root, ceo.id, LOCATIONS[0]!, ['EMPLOYEE', 'TENANT_ADMIN'], adminEmail);
  // Units are in creation order, so every parent's head exists before its children's.
  let t = 0;
  for (const unit of units.slice(1)) {
    const home = divisionHome[unit.division]!;
    const teamHome = unit.team && random() < 0.3 ? LOCATIONS[Math.floor(random() * LOCATIONS.length)]! : home;
    const head = add(unit, headOf.get(unit.parentId!)!, teamHome, ['EMPLOYEE', 'MANAGER']);
    headOf.set(unit.id, head.id);
    if (unit.team) {
      for (let i = 1; i < sizes[t]!; i++) add(unit, head.id, teamHome, ['EMPLOYEE']);
      t++;
    }
  }
  return { units, people, teams: teamUnits.length, depth, hrEmail, adminEmail };
}

// --- COPY ---------------------------------------------------------------------------------

function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v)) return `{${v.join(',')}}`;
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function copyRows(client: pg.Client, table: string, columns: string[], rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  function* chunks() {
    for (let i = 0; i < rows.length; i += 2000) yield rows.slice(i, i + 2000).map((r) => r.map(copyValue).join('\t')).join('\n') + '\n';
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}

/** The bootstrap superuser on the same database (COPY into RLS-protected tables). */
export function superuserUrl(appUrl: string): string {
  const u = new URL(process.env.DATABASE_BOOTSTRAP_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  u.pathname = new URL(appUrl).pathname;
  return u.toString();
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export async function generate(options: GenerateOptions): Promise<GeneratedTenant> {
  const log = options.log ?? (() => undefined);
  const load = options.load ?? 'copy';
  const signalMonths = options.signalMonths ?? 12;
  const now = new Date();
  const slug = `synth-${options.people}-s${options.seed}`;
  const org = buildOrganisation(options.people, options.seed, slug, now);
  const seconds: Record<string, number> = {};
  const timed = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await f();
    seconds[label] = +((performance.now() - t0) / 1000).toFixed(2);
    log(`${label}: ${seconds[label]} s`);
    return out;
  };
  const bulk = load === 'copy' ? 'COPY (pg-copy-streams, as the bootstrap superuser: bypasses RLS)' : 'Prisma createMany under RLS (the product path)';
  const loadedWith: Record<string, string> = {
    'tenants, tenant_policies, questions, org_units, credentials, pulse_programmes, pulse_rounds, round_questions, kpis, kpi_observations': 'Prisma under RLS (as prisma/seed.ts)',
    round_audience: "the worker's freezeAudience (apps/worker/src/modules/surveys/round-audience.ts)",
    'signals, signal_observations, signal_releases, signal_release_cells': "the API's import path: ensureBuiltInSignals + replaceAndPublish (privacy-engine audit per month)",
    'people, pulse_invitations, responses, response_comments': bulk,
  };
  log(`people, pulse_invitations, responses, response_comments via ${bulk}; the rest through the project's own code`);
  const prisma = createPrismaClient(options.databaseUrl, { poolSize: 3 });
  const su = new pg.Client({ connectionString: superuserUrl(options.databaseUrl) });
  if (load === 'copy') await su.connect();
  try {
    const tenant = await withPlatform(prisma, ACTOR, async (tx, audit) => {
      const t = await tx.tenant.create({ data: { slug, name: `Synthetic ${options.people.toLocaleString('en')} (seed ${options.seed})` } });
      await audit.record('tenant.created', t.id, { bench: true });
      return t;
    });
    const tenantId = tenant.id;
    const random = rng(options.seed * 7919 + 1);
    await timed('org tree and people', async () => {
      await withTenant(prisma, tenantId, async (tx) => {
        await tx.tenantPolicy.create({ data: { tenantId, ...(options.dimensions ? { allowedDimensions: options.dimensions } : {}) } });
        await seedQuestionBank(tx, tenantId);
        await tx.orgUnit.createMany({ data: org.units.map((u) => ({ tenantId, id: u.id, parentId: u.parentId, name: u.name, path: u.path })) });
      }, { timeout: 120_000 });
      const rows = org.people.map((p) => ({ tenantId, id: p.id, email: p.email, displayName: p.displayName, orgUnitId: p.orgUnitId, managerId: p.managerId, location: p.location, timeZone: p.timeZone, startDate: p.startDate, roles: p.roles }));
      if (load === 'copy') {
        await copyRows(su, 'people', ['tenant_id', 'id', 'email', 'display_name', 'org_unit_id', 'manager_id', 'location', 'time_zone', 'start_date', 'roles'],
          rows.map((r) => [r.tenantId, r.id, r.email, r.displayName, r.orgUnitId, r.managerId, r.location, r.timeZone, r.startDate.toISOString().slice(0, 10), r.roles]));
      } else {
        for (let i = 0; i < rows.length; i += 5000) await withTenant(prisma, tenantId, (tx) => tx.person.createMany({ data: rows.slice(i, i + 5000) }), { timeout: 120_000 });
      }
      const passwordHash = await hash(BENCH_PASSWORD);
      const staff = org.people.filter((p) => p.email === org.hrEmail || p.email === org.adminEmail);
      await withTenant(prisma, tenantId, (tx) => tx.credential.createMany({ data: staff.map((p) => ({ tenantId, personId: p.id, passwordHash })) }));
    });

    const { questions, policy, root } = await withTenant(prisma, tenantId, async (tx) => ({
      questions: await tx.question.findMany({ where: { current: true }, select: { id: true, key: true, type: true } }),
      policy: await tx.tenantPolicy.findUniqueOrThrow({ where: { tenantId } }),
      root: await tx.orgUnit.findFirstOrThrow({ where: { path: '' } }),
    }));
    const questionId = new Map(questions.map((q) => [q.key, q.id]));
    const programme = await withTenant(prisma, tenantId, async (tx) => {
      const p = await tx.pulseProgramme.create({
        data: { tenantId, name: 'Monthly culture pulse', cadence: 'MONTHLY', openDays: 7, questionsPerRound: 6, questionKeys: [...KEYS, 'comment'], startsAt: new Date(Date.UTC(now.getUTCFullYear() - 2, 0, 1, 6)) },
      });
      await tx.programmeAudience.create({ data: { tenantId, programmeId: p.id, orgUnitId: root.id } });
      return p;
    });

    // Each team's climate (1–5) drifts month to month; divisions differ a little; response rates vary by team.
    const unitById = new Map(org.units.map((u) => [u.id, u]));
    const divisionEffect = DIVISIONS.map(() => (random() - 0.5) * 0.6);
    const climate = new Map<string, number>();
    const responseRate = new Map<string, number>();
    for (const u of org.units) {
      climate.set(u.id, 2.7 + random() * 1.6 + (divisionEffect[u.division] ?? 0));
      responseRate.set(u.id, 0.5 + random() * 0.4);
    }
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
    const roundIds: string[] = [];
    for (let m = options.rounds; m >= 1; m--) {
      const sequence = options.rounds - m + 1;
      const opensAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - m, 3, 6));
      const closesAt = new Date(opensAt.getTime() + 7 * 24 * 3600 * 1000);
      const keys = Array.from({ length: 5 }, (_, i) => KEYS[((sequence - 1) * 5 + i) % KEYS.length]!).concat('comment');
      for (const [id, c] of climate) climate.set(id, clamp(c + (random() - 0.5) * 0.5, 1.6, 4.7));
      const cells = coarsenCells(
        org.people.map((p) => ({ unitId: p.orgUnitId, location: p.location ?? 'UNKNOWN', tenure: tenureBand(p.startDate, opensAt) })),
        policy.anonymityThreshold,
        { location: policy.allowedDimensions.includes('location'), tenure: policy.allowedDimensions.includes('tenure') },
      );
      const responded = org.people.map((p) => random() < clamp(responseRate.get(p.orgUnitId)! + 0.08 * (climate.get(p.orgUnitId)! - 3.2), 0.2, 0.97));
      const respondedCount = responded.filter(Boolean).length;
      const roundId = await timed(`round ${sequence}: participation`, async () => {
        const round = await withTenant(prisma, tenantId, async (tx) => {
          const r = await tx.pulseRound.create({
            data: {
              tenantId, programmeId: programme.id, sequence, opensAt, closesAt, status: 'CLOSED', closedAt: closesAt, anonymityThreshold: policy.anonymityThreshold,
              eligibleCount: org.people.length, invitedCount: org.people.length, respondedCount,
            },
          });
          await tx.roundQuestion.createMany({ data: keys.map((key, position) => ({ tenantId, roundId: r.id, questionId: questionId.get(key)!, position })) });
          return r;
        });
        const invitations = org.people.map((p, i) => ({ tenantId, id: randomUUID(), roundId: round.id, personId: p.id, cellUnitId: cells[i]!.unitId, cellLocation: cells[i]!.location, cellTenure: cells[i]!.tenure, status: 'SENT' as const, sendAt: opensAt, responded: responded[i]! }));
        if (load === 'copy') {
          await copyRows(su, 'pulse_invitations', ['tenant_id', 'id', 'round_id', 'person_id', 'cell_unit_id', 'cell_location', 'cell_tenure', 'status', 'send_at', 'responded'],
            invitations.map((r) => [r.tenantId, r.id, r.roundId, r.personId, r.cellUnitId, r.cellLocation, r.cellTenure, r.status, r.sendAt, r.responded]));
        } else {
          for (let i = 0; i < invitations.length; i += 5000) await withTenant(prisma, tenantId, (tx) => tx.pulseInvitation.createMany({ data: invitations.slice(i, i + 5000) }), { timeout: 120_000 });
        }
        await withTenant(prisma, tenantId, (tx) => freezeAudience(tx as unknown as Parameters<typeof freezeAudience>[0], tenantId, round.id), { timeout: 120_000 });
        return round.id;
      });
      roundIds.push(roundId);

      // The answers: drawn in person order (so they are deterministic), then shuffled and stored with no person.
      const answers: { cell: (typeof cells)[number]; values: Record<string, number>; comment: string | null }[] = [];
      org.people.forEach((p, i) => {
        if (!responded[i]) return;
        const tenure = tenureBand(p.startDate, opensAt);
        const base = climate.get(p.orgUnitId)! + p.disposition + (tenure === 'LT1' ? 0.3 : tenure === 'Y5_PLUS' ? -0.1 : 0);
        const values: Record<string, number> = {};
        for (const key of keys.slice(0, 5)) {
          const strain = key === 'after_hours' || key === 'energy' ? LOCATION_STRAIN[p.location ?? ''] ?? 0 : 0;
          values[questionId.get(key)!] = Math.round(clamp(base - strain + (random() - 0.5) * 1.3, 1, 5));
        }
        answers.push({ cell: cells[i]!, values, comment: random() < 0.1 ? COMMENTS[Math.floor(random() * COMMENTS.length)]! : null });
      });
      shuffle(answers, random);
      await timed(`round ${sequence}: ${answers.length} answers`, async () => {
        const rows = answers.map((a) => ({ tenantId, id: randomUUID(), roundId, cellUnitId: a.cell.unitId, cellLocation: a.cell.location, cellTenure: a.cell.tenure, answers: a.values }));
        const comments = answers.filter((a) => a.comment).map((a) => ({ tenantId, id: randomUUID(), roundId, cellUnitId: a.cell.unitId, text: a.comment! }));
        if (load === 'copy') {
          // One transaction of its own, apart from participation (no link between the two).
          await su.query('BEGIN');
          await copyRows(su, 'responses', ['tenant_id', 'id', 'round_id', 'cell_unit_id', 'cell_location', 'cell_tenure', 'answers'], rows.map((r) => [r.tenantId, r.id, r.roundId, r.cellUnitId, r.cellLocation, r.cellTenure, r.answers]));
          await copyRows(su, 'response_comments', ['tenant_id', 'id', 'round_id', 'cell_unit_id', 'text'], comments.map((c) => [c.tenantId, c.id, c.roundId, c.cellUnitId, c.text]));
          await su.query('COMMIT');
        } else {
          // As the worker's batcher: shuffled batches, one transaction each.
          for (let i = 0; i < rows.length; i += 40) await withTenant(prisma, tenantId, (tx) => tx.response.createMany({ data: rows.slice(i, i + 40) }));
          for (let i = 0; i < comments.length; i += 40) await withTenant(prisma, tenantId, (tx) => tx.responseComment.createMany({ data: comments.slice(i, i + 40) }));
        }
      });
    }

    if (signalMonths > 0) await timed('imported signals and KPIs', () => signalsAndKpis(prisma, tenantId, org, signalMonths, random, unitById));

    let aggregated: GeneratedTenant['aggregated'];
    if (options.aggregate) {
      aggregated = [];
      const aggregator = new RoundAggregator({ client: prisma } as unknown as WorkerDb);
      for (const roundId of roundIds) {
        const t0 = performance.now();
        const { status } = await aggregator.aggregate(tenantId, roundId);
        aggregated.push({ roundId, status, ms: Math.round(performance.now() - t0) });
        log(`aggregated round ${aggregated.length}: ${status} in ${aggregated.at(-1)!.ms} ms`);
      }
    }
    return {
      tenantId, slug, hrEmail: org.hrEmail, adminEmail: org.adminEmail, people: org.people.length, units: org.units.length, teams: org.teams, depth: org.depth,
      roundIds, programmeId: programme.id, loadedWith, seconds, ...(aggregated ? { aggregated } : {}),
    };
  } finally {
    if (load === 'copy') await su.end();
    await prisma.$disconnect();
  }
}

async function signalsAndKpis(prisma: Db, tenantId: string, org: Organisation, months: number, random: () => number, unitById: Map<string, Unit>): Promise<void> {
  type ApiTx = Parameters<typeof loadPublishContext>[0];
  const last = addMonths(monthOf(new Date()), -1);
  const monthList = Array.from({ length: months }, (_, i) => addMonths(last, i - (months - 1)));
  const { k, signals } = await withTenant(prisma, tenantId, async (tx) => {
    await ensureBuiltInSignals(tx as unknown as ApiTx, tenantId);
    await tx.signal.update({ where: { tenantId_key: { tenantId, key: 'time_off' } }, data: { healthyMin: 20 } });
    await tx.signal.update({ where: { tenantId_key: { tenantId, key: 'after_hours_work' } }, data: { healthyMax: 10 } });
    return {
      k: (await tx.tenantPolicy.findUniqueOrThrow({ where: { tenantId } })).anonymityThreshold,
      signals: await tx.signal.findMany({ where: { source: 'IMPORT' }, select: { id: true, key: true, valueMin: true, valueMax: true }, orderBy: { key: 'asc' } }),
    };
  });
  const size = new Map<string, number>();
  for (const p of org.people) size.set(p.orgUnitId, (size.get(p.orgUnitId) ?? 0) + 1);
  // As an HR system sends them: per team, teams smaller than k left out (the import refuses them).
  const teams = org.units.filter((u) => u.team && (size.get(u.id) ?? 0) >= k);
  const round1 = (v: number) => Math.round(v * 10) / 10;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const baseline = new Map(teams.map((t) => [t.id, { afterHours: 4 + random() * 14, flex: 35 + random() * 50, timeOff: 14 + random() * 14 }]));
  for (const signal of signals) {
    const rows = monthList.flatMap((month) => {
      const m = Number(month.slice(5));
      const holiday = m === 7 || m === 8 ? 1.6 : m === 12 ? 1.4 : m === 1 ? 0.7 : 1;
      return teams.map((team) => {
        const b = baseline.get(team.id)!;
        const value =
          signal.key === 'after_hours_work' ? clamp(b.afterHours * (m === 12 ? 0.7 : 1) + (random() - 0.5) * 4, 0, 100)
          : signal.key === 'flexibility_usage' ? clamp(b.flex + (random() - 0.5) * 12, 0, 100)
          : clamp(b.timeOff * holiday + (random() - 0.5) * 5, 0, 60);
        return { signalId: signal.id, orgUnitId: team.id, month, value: round1(value), n: Math.max(k, size.get(team.id)! - Math.floor(random() * 3)) };
      });
    });
    await withTenant(prisma, tenantId, async (tx) => {
      const apiTx = tx as unknown as ApiTx;
      await replaceAndPublish(apiTx, await loadPublishContext(apiTx, tenantId), new Map([[signal.id, signal]]), rows);
    }, { timeout: 1_800_000 });
  }
  const root = org.units[0]!;
  const divisions = org.units.filter((u) => u.level === 2);
  const owner = (i: number) => (i === 0 ? root : divisions[(i - 1) % divisions.length]!);
  const kpis = [
    { key: 'revenue', name: 'Revenue', unit: 'EUR million', start: 40, step: 0.5, noise: 3 },
    { key: 'customer_satisfaction', name: 'Customer satisfaction (CSAT)', unit: '% satisfied', start: 82, step: 0.3, noise: 3 },
    { key: 'delivery_lead_time', name: 'Delivery lead time', unit: 'days', start: 9, step: -0.2, noise: 1.5 },
    { key: 'on_time_delivery', name: 'On-time delivery', unit: '% of orders', start: 91, step: 0.2, noise: 2.5 },
    { key: 'first_time_fix_rate', name: 'First-time fix rate', unit: '% of visits', start: 74, step: 0.4, noise: 3 },
  ];
  await withTenant(prisma, tenantId, async (tx) => {
    for (const [i, kpi] of kpis.entries()) {
      const row = await tx.kpi.create({ data: { tenantId, key: kpi.key, name: kpi.name, unit: kpi.unit, orgUnitId: unitById.get(owner(i).id)!.id } });
      await tx.kpiObservation.createMany({ data: monthList.map((month, j) => ({ tenantId, kpiId: row.id, month, value: round1(kpi.start + kpi.step * j + (random() - 0.5) * kpi.noise) })) });
    }
  });
}

/** A database to generate into: a URL as given, a name (created and migrated if missing), or a fresh clone. */
export async function resolveDatabase(database: string | undefined, label = 'bench'): Promise<{ appUrl: string; drop?: () => Promise<void>; created: string }> {
  if (!database) {
    const db = await createTestDatabase(label);
    return { appUrl: db.appUrl, drop: db.drop, created: `fresh database ${db.name} (cloned from the migrations template; drop it when done)` };
  }
  if (/^postgres(ql)?:\/\//.test(database)) return { appUrl: database, created: 'the given database' };
  const bootstrapUrl = process.env.DATABASE_BOOTSTRAP_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: bootstrapUrl });
  await client.connect();
  try {
    await ensureRoles(client);
  } finally {
    await client.end();
  }
  const created = await ensureDatabase(bootstrapUrl, database);
  const url = (role: string) => {
    const u = new URL(bootstrapUrl);
    u.username = role;
    u.password = '';
    u.pathname = `/${database}`;
    return u.toString();
  };
  await migrate(url(OWNER_ROLE));
  return { appUrl: url(APP_ROLE), created: `database ${database} (${created}, migrated)` };
}

export function parseFlags(argv: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (v !== undefined) flags[k] = v;
    else if (argv[i + 1] && !argv[i + 1]!.startsWith('--')) flags[k] = argv[++i]!;
    else flags[k] = 'true';
  }
  return flags;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flags = parseFlags(process.argv.slice(2));
  const db = await resolveDatabase(flags.database);
  const t0 = performance.now();
  const result = await generate({
    people: Number(flags.people ?? 10_000),
    rounds: Number(flags.rounds ?? 3),
    seed: Number(flags.seed ?? 1),
    databaseUrl: db.appUrl,
    signalMonths: Number(flags['signal-months'] ?? 12),
    load: flags.load === 'prisma' ? 'prisma' : 'copy',
    aggregate: flags.aggregate === 'true',
    ...(flags.dimensions !== undefined ? { dimensions: flags.dimensions.split(',').filter(Boolean) } : {}),
    log: (m) => console.error(`[generate] ${m}`),
  });
  console.error(`[generate] into ${db.created}: ${db.appUrl}`);
  for (const [table, how] of Object.entries(result.loadedWith)) console.error(`[generate] loaded ${table}: ${how}`);
  console.error(`[generate] ${result.people} people, ${result.units} units (${result.teams} teams, ${result.depth} levels), ${result.roundIds.length} rounds in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(JSON.stringify({ databaseUrl: db.appUrl, ...result }, null, flags.json ? 0 : 2));
}
