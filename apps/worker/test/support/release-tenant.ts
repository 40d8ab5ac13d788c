// A tenant with closed pulse rounds to release, for the release tests: an org tree, who was
// asked and who answered per (unit, location), and the rounds' answers to two agreement
// questions, written as rows the way the API stores them. Each test keeps its own data (the
// cells and the rounds' dates) in its file; this only writes it.
import { randomUUID } from 'node:crypto';
import { seedQuestionBank, withPlatform, withTenant, type Db } from '@pulsewise/db';

const DAY_MS = 86_400_000;

/** The first instant of the UTC month `monthsAgo` months before now's. */
export function utcMonthStart(monthsAgo: number, now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
}

/** Day `d` (1-based) counted from `base`: day(base, 1) is base. */
export const day = (base: Date, d: number): Date => new Date(base.getTime() + (d - 1) * DAY_MS);

/** One group of people: its unit's path, its location ('ALL' without one), its size, and how many answered (per round variant, or the same in every round). */
export interface AudienceCell {
  unit: string;
  location?: string;
  eligible: number;
  answered: number | readonly number[];
}

export interface RoundPlan {
  opensAt: Date;
  /** Default: five days after opensAt. */
  closesAt?: Date;
  /** Default: closesAt. */
  closedAt?: Date;
  /** Which of the cells' `answered` counts this round has. Default 0. */
  variant?: number;
}

/** A month's two weekly rounds, opening on its 3rd and 17th: the first with the cells' first `answered` count, the second with their second. */
export const twoRoundsIn = (monthStart: Date): RoundPlan[] => [
  { opensAt: day(monthStart, 3), variant: 0 },
  { opensAt: day(monthStart, 17), variant: 1 },
];

/** A response's two scores (1–5): `seq` counts the tenant's responses from 1, `index` the cell's in this round from 0. */
export type Scores = (r: { seq: number; index: number; variant: number }) => [number, number];

/** The scores most release tests use: spread over 1–5 by the tenant's running response count. */
export const runningScores: Scores = ({ seq }) => [1 + (seq % 5), 1 + ((seq * 3) % 5)];

export interface ReleaseTenantSpec {
  slug: string;
  /** The tenant's and its root unit's name. */
  name: string;
  /** The tenant policy's allowed dimensions. */
  dimensions: string[];
  /** Unit paths under the root, parents before children ('Engineering' before 'Engineering/Data'). */
  units: readonly string[];
  cells: readonly AudienceCell[];
  /** When the weekly programme starts. */
  programmeStartsAt: Date;
  /** The programme's rounds, in sequence; all CLOSED with k = 5. */
  rounds: readonly RoundPlan[];
  scores?: Scores;
}

export interface ReleaseTenant {
  tenantId: string;
  rootUnitId: string;
  /** Unit id by path ('' is the root). */
  unitIds: Map<string, string>;
  /** The rounds' ids, in the spec's order. */
  roundIds: string[];
}

const PLATFORM_ACTOR = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };

/** Creates the tenant (as the platform, audited as a test fixture) and writes its org, policy, question bank, programme and rounds. */
export async function seedReleaseTenant(prisma: Db, spec: ReleaseTenantSpec): Promise<ReleaseTenant> {
  const tenantId = await withPlatform(prisma, PLATFORM_ACTOR, async (tx, audit) => {
    const t = await tx.tenant.create({ data: { slug: spec.slug, name: spec.name } });
    await audit.record('test.fixture', t.id);
    return t.id;
  });
  const scores = spec.scores ?? runningScores;
  return withTenant(prisma, tenantId, async (tx) => {
    await tx.tenantPolicy.create({ data: { tenantId, allowedDimensions: spec.dimensions } });
    await seedQuestionBank(tx, tenantId);
    const unitIds = new Map<string, string>();
    const rootUnitId = (await tx.orgUnit.create({ data: { tenantId, name: spec.name, path: '' } })).id;
    unitIds.set('', rootUnitId);
    for (const path of spec.units) {
      const parent = unitIds.get(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')!;
      unitIds.set(path, (await tx.orgUnit.create({ data: { tenantId, name: path.split('/').at(-1)!, path, parentId: parent } })).id);
    }
    const unit = (path: string) => unitIds.get(path) ?? (() => { throw new Error(`no unit ${path} in the spec's units`); })();
    const questions = (await tx.question.findMany({ where: { type: 'AGREEMENT_5', current: true }, orderBy: { key: 'asc' }, take: 2 })).map((q) => q.id);
    const programme = await tx.pulseProgramme.create({ data: { tenantId, name: 'Weekly pulse', cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: ['energy'], startsAt: spec.programmeStartsAt } });
    const roundIds: string[] = [];
    let seq = 0;
    for (const [r, plan] of spec.rounds.entries()) {
      const variant = plan.variant ?? 0;
      const closesAt = plan.closesAt ?? new Date(plan.opensAt.getTime() + 5 * DAY_MS);
      const round = await tx.pulseRound.create({
        data: { tenantId, programmeId: programme.id, sequence: r + 1, opensAt: plan.opensAt, closesAt, closedAt: plan.closedAt ?? closesAt, status: 'CLOSED', anonymityThreshold: 5 },
      });
      await tx.roundQuestion.createMany({ data: questions.map((questionId, position) => ({ tenantId, roundId: round.id, questionId, position })) });
      const cell = (c: AudienceCell) => ({ tenantId, roundId: round.id, cellUnitId: unit(c.unit), cellLocation: c.location ?? 'ALL', cellTenure: 'ALL' });
      await tx.roundAudience.createMany({ data: spec.cells.map((c) => ({ ...cell(c), eligible: c.eligible })) });
      await tx.response.createMany({
        data: spec.cells.flatMap((c) => {
          const answered = typeof c.answered === 'number' ? c.answered : c.answered[variant]!;
          return Array.from({ length: answered }, (_, index) => {
            const [a, b] = scores({ seq: ++seq, index, variant });
            return { ...cell(c), id: randomUUID(), answers: { [questions[0]!]: a, [questions[1]!]: b } };
          });
        }),
      });
      roundIds.push(round.id);
    }
    return { tenantId, rootUnitId, unitIds, roundIds };
  });
}

/**
 * A nested org cut by location, over two rounds (answered: [first, second]) at k = 5, shared by
 * the roll-up tests (month-rollup*.spec.ts, round-remake-rollup-db.spec.ts). Security has 4
 * people and 3 respondents in each round (below k), 6 in the month; several groups sit just at
 * or above k in a round, so raising k to 7 changes what the rounds (and the month) show.
 */
export const NESTED_UNITS = ['Engineering', 'Engineering/Platform', 'Engineering/Data', 'Engineering/Security', 'Sales'];
export const NESTED_BY_LOCATION: { unit: string; location: string; eligible: number; answered: [number, number] }[] = [
  { unit: 'Engineering/Platform', location: 'Berlin', eligible: 8, answered: [7, 6] },
  { unit: 'Engineering/Platform', location: 'Boston', eligible: 6, answered: [5, 5] },
  { unit: 'Engineering/Data', location: 'Berlin', eligible: 7, answered: [6, 7] },
  { unit: 'Engineering/Data', location: 'Boston', eligible: 4, answered: [3, 2] },
  { unit: 'Engineering/Security', location: 'Berlin', eligible: 4, answered: [3, 3] },
  { unit: 'Sales', location: 'Boston', eligible: 10, answered: [8, 9] },
  { unit: 'Sales', location: 'Berlin', eligible: 6, answered: [5, 4] },
];
