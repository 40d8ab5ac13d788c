// Serves audited releases — and nothing else. Every figure here was stored by the
// aggregation job after the privacy audit passed (promise 6, "closed world"): no
// method reads raw responses to compute a number. Comments are the one raw read,
// and only for groups the release marked as large enough for them.
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Tx } from '@pulsewise/db';
import { ALL, commentThreshold, directNodeKey, unitNodeKey, type MeasureResult, type Release } from '@pulsewise/privacy';
import { badInput, notFound } from '../../common/errors/domain-error.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import { DirectoryService } from '../directory/directory.service.js';
import { subtreeIds } from '../directory/org-tree.js';
import {
  HiddenReason,
  ReleaseCommentsModel,
  ReleaseModel,
  ReleaseResultsModel,
  ResultQuestionModel,
  ResultRowModel,
  ResultValueModel,
} from './models/release.models.js';

type ReleaseStructure = Omit<Release, 'cells'>;
type ReleaseRow = NonNullable<Awaited<ReturnType<ReleasesService['findRelease']>>>;

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

@Injectable()
export class ReleasesService {
  constructor(private readonly directory: DirectoryService) {}

  /** Newest period first (time order, never value order). */
  async releases(tx: Tx, first: number): Promise<ReleaseModel[]> {
    const rows = await tx.release.findMany({ select: RELEASE_FIELDS });
    const rounds = await roundsOf(tx, rows);
    const k = await currentK(tx);
    return rows
      .map((r) => toReleaseModel(r, rounds, k))
      .sort((a, b) => b.periodStart.getTime() - a.periodStart.getTime() || b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, first);
  }

  async results(tx: Tx, viewer: Viewer, releaseId: string, orgUnitId: string | null, dimension: string | null): Promise<ReleaseResultsModel> {
    const row = await this.findRelease(tx, releaseId);
    if (!row) throw notFound('Release');
    const { unitId, units } = await this.resolveUnit(tx, viewer, orgUnitId);
    const release = toReleaseModel(row, await roundsOf(tx, [row]), await currentK(tx));
    const result: ReleaseResultsModel = Object.assign(new ReleaseResultsModel(), { release, orgUnitId: unitId, dimension, questions: [], rows: [], commentsAvailable: false });
    if (dimension !== null && !row.dimensions.includes(dimension)) {
      throw badInput(`Results cannot be cut by "${dimension}"`, { allowed: row.dimensions });
    }
    if (release.status !== 'PUBLISHED') return result;

    const structure = row.structure as unknown as ReleaseStructure;
    const selectedKey = unitNodeKey(unitId);
    const selected = structure.nodes.find((n) => n.key === selectedKey);
    if (!selected) throw notFound('This unit in the release (it did not exist when the round ran)');
    const treeIndex = new Map(units.map((u, i) => [u.id, i]));
    const children = structure.nodes
      .filter((n) => n.parentKey === selectedKey)
      // Org-tree order; the "(direct)" group of the unit itself goes last.
      .sort((a, b) => Number(a.direct) - Number(b.direct) || (treeIndex.get(a.unitId) ?? Infinity) - (treeIndex.get(b.unitId) ?? Infinity) || a.name.localeCompare(b.name));
    const nodes = [selected, ...children];
    const parents = new Set(structure.nodes.map((n) => n.parentKey));

    const cells = await tx.releaseCell.findMany({
      where: { releaseId, nodeKey: { in: nodes.map((n) => n.key) } },
      select: { nodeKey: true, dims: true, status: true, reason: true, eligible: true, n: true, measures: true },
    });
    const values = dimension === null ? [null] : (structure.dimValues[dimension] ?? []);
    const cellFor = (nodeKey: string, value: string | null) =>
      cells.find((c) => {
        if (c.nodeKey !== nodeKey) return false;
        const dims = c.dims as Record<string, string>;
        return row.dimensions.every((d) => dims[d] === (d === dimension ? value : ALL));
      });

    result.questions = await this.questions(tx, structure);
    for (const node of nodes) {
      for (const value of values) {
        const cell = cellFor(node.key, value);
        if (!cell) continue; // nobody eligible in this group: not a group at all
        result.rows.push(
          toRow(cell, result.questions, {
            orgUnitId: node.unitId,
            name: node.name,
            isSelectedUnit: node.key === selectedKey,
            direct: node.direct,
            hasChildren: !node.direct && parents.has(node.key),
            dimensionValue: value,
          }),
        );
      }
    }
    result.commentsAvailable = row.commentNodes.includes(selectedKey);
    return result;
  }

  async comments(tx: Tx, viewer: Viewer, releaseId: string, orgUnitId: string, direct: boolean): Promise<ReleaseCommentsModel> {
    const row = await this.findRelease(tx, releaseId);
    if (!row) throw notFound('Release');
    const { units } = await this.resolveUnit(tx, viewer, orgUnitId);
    const threshold = commentThreshold(row.k);
    const out: ReleaseCommentsModel = Object.assign(new ReleaseCommentsModel(), { available: false, threshold, unavailableReason: null, comments: [] });
    const nodeKey = direct ? directNodeKey(orgUnitId) : unitNodeKey(orgUnitId);
    if (row.status !== 'PUBLISHED' || row.k < (await currentK(tx)) || !row.commentNodes.includes(nodeKey)) {
      out.unavailableReason = `Comments are shown only for groups with at least ${threshold} respondents, and never where a smaller group could be worked out from them.`;
      return out;
    }
    const structure = row.structure as unknown as ReleaseStructure;
    const cellUnits = direct ? new Set([orgUnitId]) : subtreeIds(units, orgUnitId);
    const rounds = await tx.pulseRound.findMany({ where: { id: { in: structure.blocks } }, select: { id: true, opensAt: true } });
    const labelOf = new Map(rounds.map((r) => [r.id, MONTH.format(r.opensAt)]));
    // Comments of a "(direct)" group too small to be counted are left out here as well.
    const notCounted = new Set((row.audit as { notCountedUnits?: string[] } | null)?.notCountedUnits ?? []);
    const fromUnits = [...cellUnits].filter((id) => !notCounted.has(id));
    const comments = await tx.responseComment.findMany({ where: { roundId: { in: structure.blocks }, cellUnitId: { in: fromUnits } }, select: { id: true, roundId: true, text: true } });
    // A fixed shuffle per release and group: no order (insertion, time, unit) survives.
    const shuffleKey = (id: string) => createHash('sha256').update(`${releaseId}|${nodeKey}|${id}`).digest('hex');
    out.comments = comments
      .map((c) => ({ key: shuffleKey(c.id), text: c.text, roundLabel: labelOf.get(c.roundId) ?? '' }))
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map(({ text, roundLabel }) => ({ text, roundLabel }));
    out.available = true;
    return out;
  }

  findRelease(tx: Tx, id: string) {
    return tx.release.findFirst({ where: { id }, select: { ...RELEASE_FIELDS, structure: true, commentNodes: true } });
  }

  /** The unit asked for (or the viewer's default), checked against what the viewer may see. */
  private async resolveUnit(tx: Tx, viewer: Viewer, orgUnitId: string | null): Promise<{ unitId: string; units: { id: string; parentId: string | null }[] }> {
    const { units, visible } = await this.directory.scope(tx, viewer);
    const id = orgUnitId ?? units.find((u) => !visible || visible.has(u.id))?.id;
    if (!id || !units.some((u) => u.id === id) || (visible && !visible.has(id))) throw notFound('Org unit');
    return { unitId: id, units };
  }

  private async questions(tx: Tx, structure: ReleaseStructure): Promise<ResultQuestionModel[]> {
    const keys = structure.measures.map((m) => m.key);
    const current = await tx.question.findMany({ where: { key: { in: keys }, current: true }, select: { key: true, text: true, signalKey: true } });
    return structure.measures.map((m) => {
      const q = current.find((c) => c.key === m.key);
      return Object.assign(new ResultQuestionModel(), { key: m.key, text: q?.text ?? m.key, signalKey: q?.signalKey ?? m.key, min: m.min, max: m.max });
    });
  }
}

const RELEASE_FIELDS = {
  id: true,
  kind: true,
  roundId: true,
  period: true,
  status: true,
  withheldReason: true,
  k: true,
  dimensions: true,
  audit: true,
  createdAt: true,
} as const;

type RoundInfo = Map<string, { opensAt: Date; programmeName: string }>;

async function roundsOf(tx: Tx, rows: { roundId: string | null }[]): Promise<RoundInfo> {
  const ids = rows.flatMap((r) => (r.roundId ? [r.roundId] : []));
  const rounds = await tx.pulseRound.findMany({ where: { id: { in: ids } }, select: { id: true, opensAt: true, programme: { select: { name: true } } } });
  return new Map(rounds.map((r) => [r.id, { opensAt: r.opensAt, programmeName: r.programme.name }]));
}

/** The tenant's anonymity threshold now: a release made under a lower one is not shown (k can be raised at any time). */
async function currentK(tx: Tx): Promise<number> {
  const policy = await tx.tenantPolicy.findFirstOrThrow({ select: { anonymityThreshold: true } });
  return policy.anonymityThreshold;
}

function toReleaseModel(row: Pick<ReleaseRow, keyof typeof RELEASE_FIELDS>, rounds: RoundInfo, k: number): ReleaseModel {
  const outdated = row.status === 'PUBLISHED' && row.k < k;
  const round = row.roundId ? rounds.get(row.roundId) : undefined;
  const periodStart = round?.opensAt ?? new Date(`${row.period ?? '1970-01'}-01T00:00:00Z`);
  const label = row.kind === 'ROUND' ? `${round?.programmeName ?? 'Pulse'} · ${MONTH.format(periodStart)}` : `All pulses · ${MONTH.format(periodStart)}`;
  return Object.assign(new ReleaseModel(), {
    id: row.id,
    kind: row.kind,
    roundId: row.roundId,
    periodStart,
    label,
    status: outdated ? 'WITHHELD' : row.status,
    withheldReason: outdated ? `Made under an anonymity threshold of ${row.k}, lower than the current ${k}: hidden until it is re-made under the current threshold.` : row.withheldReason,
    k: row.k,
    dimensions: row.dimensions,
    notCounted: Number((row.audit as { notCounted?: number } | null)?.notCounted ?? 0),
    createdAt: row.createdAt,
  });
}

interface StoredCell {
  status: string;
  reason: string | null;
  eligible: number | null;
  n: number | null;
  measures: unknown;
}

function toRow(cell: StoredCell, questions: ResultQuestionModel[], identity: Omit<ResultRowModel, 'hidden' | 'reason' | 'respondents' | 'responseRate' | 'values'>): ResultRowModel {
  const row = Object.assign(new ResultRowModel(), identity);
  if (cell.status !== 'PUBLISHED' || cell.n === null) {
    const reason = (cell.reason as HiddenReason | null) ?? HiddenReason.BELOW_THRESHOLD;
    return Object.assign(row, {
      hidden: true,
      reason,
      respondents: null,
      responseRate: null,
      values: questions.map((q) => hiddenValue(q.key, reason)),
    });
  }
  const measures = cell.measures as Record<string, MeasureResult>;
  return Object.assign(row, {
    hidden: false,
    reason: null,
    respondents: cell.n,
    responseRate: cell.eligible ? cell.n / cell.eligible : null,
    values: questions.map((q) => toValue(q.key, measures[q.key])),
  });
}

function hiddenValue(questionKey: string, reason: HiddenReason): ResultValueModel {
  return Object.assign(new ResultValueModel(), { questionKey, hidden: true, reason, answered: null, mean: null, favourableShare: null, distribution: null, band: null });
}

function toValue(questionKey: string, m: MeasureResult | undefined): ResultValueModel {
  if (!m || m.status === 'HIDDEN') return hiddenValue(questionKey, (m?.reason as HiddenReason | undefined) ?? HiddenReason.BELOW_THRESHOLD);
  if (m.status === 'BANDED') return Object.assign(hiddenValue(questionKey, HiddenReason.BANDED), { band: m.band.label });
  return Object.assign(new ResultValueModel(), {
    questionKey,
    hidden: false,
    reason: null,
    answered: m.count,
    mean: m.mean,
    favourableShare: m.favourableShare ?? null,
    distribution: m.histogram ?? null,
    band: null,
  });
}
