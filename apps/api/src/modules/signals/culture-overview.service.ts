// cultureOverview: for one org unit, the monthly series of every signal (from
// audited releases only) and of the KPIs around it, on one month axis. Children
// come in org-tree order and signals in catalogue order: nothing here is ever
// ordered by a value, and no figure is combined into a score.
import { Injectable } from '@nestjs/common';
import type { Tx } from '@pulsewise/db';
import { directNodeKey, unitNodeKey } from '@pulsewise/privacy';
import { badInput, notFound } from '../../common/errors/domain-error.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import { DirectoryService } from '../directory/directory.service.js';
import { subtreeIds } from '../directory/org-tree.js';
import { KpisService } from '../kpis/kpis.service.js';
import type { CultureOverviewArgs } from './dto/signal.inputs.js';
import {
  CultureOverviewModel, HiddenPointReason, KpiPointModel, KpiSeriesModel, SignalPointModel, SignalSeriesModel, TrendPointModel, UnitSignalsModel, type SignalModel,
} from './models/signal.models.js';
import { monthRange, resolveWindow } from './months.js';
import { OverviewCache } from './overview-cache.js';
import { readImportedReleases, readingKey, readPulseReleases, type Readings } from './release-reader.js';
import { pointFrom, smoothTrend } from './signal-points.js';
import { SignalsRepository } from './signals.repository.js';
import { SignalsService } from './signals.service.js';

type OrgUnit = { id: string; parentId: string | null; name: string; path: string };

@Injectable()
export class CultureOverviewService {
  constructor(
    private readonly directory: DirectoryService,
    private readonly signalsService: SignalsService,
    private readonly kpis: KpisService,
    private readonly repo: SignalsRepository,
    private readonly cache: OverviewCache,
  ) {}

  async overview(tx: Tx, viewer: Viewer, args: CultureOverviewArgs, now = new Date()): Promise<CultureOverviewModel> {
    const window = resolveWindow(args.from ?? undefined, args.to ?? undefined, now);
    if ('error' in window) throw badInput(window.error);
    // The version is read first, so whatever is computed below is at least as new as it.
    const key = { tenantId: viewer.tenantId, version: await this.repo.dataVersion(tx), orgUnitId: args.orgUnitId, from: window.from, to: window.to };
    // A cached overview is the same for every viewer allowed to see the unit; managers
    // (limited to their own subtree) are checked on every read, HR and admins see every unit.
    const limited = !viewer.roles.includes('TENANT_ADMIN') && !viewer.roles.includes('HR_LEADER');
    const cached = this.cache.get(key);
    if (cached && !limited) return cached;
    const { units: allUnits, visible } = await this.directory.scope(tx, viewer);
    const unit = allUnits.find((u) => u.id === args.orgUnitId && (!visible || visible.has(u.id)));
    if (!unit) throw notFound('Org unit');
    if (cached) return cached;
    const computed = await this.compute(tx, viewer, window, unit, allUnits);
    this.cache.set(key, computed);
    return computed;
  }

  private async compute(tx: Tx, viewer: Viewer, window: { from: string; to: string }, unit: OrgUnit, allUnits: OrgUnit[]): Promise<CultureOverviewModel> {
    // Children of a visible unit are visible too (managers see their whole subtree).
    const children = allUnits.filter((u) => u.parentId === unit.id);
    const [headcounts, policy, signals] = await Promise.all([
      this.repo.directHeadcounts(tx),
      this.repo.policy(tx, viewer.tenantId),
      this.signalsService.signals(tx, viewer.tenantId),
    ]);
    const hasDirectPeople = headcounts.some((h) => h.orgUnitId === unit.id && h._count > 0);

    const nodes: { key: string; orgUnitId: string; name: string; path: string; direct: boolean }[] = [
      { key: unitNodeKey(unit.id), orgUnitId: unit.id, name: unit.name, path: unit.path, direct: false },
      ...(children.length && hasDirectPeople ? [{ key: directNodeKey(unit.id), orgUnitId: unit.id, name: `${unit.name} (direct)`, path: unit.path, direct: true }] : []),
      ...children.map((c) => ({ key: unitNodeKey(c.id), orgUnitId: c.id, name: c.name, path: c.path, direct: false })),
    ];
    const months = monthRange(window.from, window.to);
    const nodeKeys = nodes.map((n) => n.key);
    const pulse = signals.filter((s) => s.source === 'PULSE' && s.questionKey);
    const imported = signals.filter((s) => s.source === 'IMPORT');
    const [pulseReadings, importedReadings] = await Promise.all([
      readPulseReleases(tx, pulse.map((s) => s.questionKey!), nodeKeys, window.from, window.to),
      readImportedReleases(tx, imported.map((s) => s.id), nodeKeys, window.from, window.to, policy.anonymityThreshold),
    ]);
    const seriesFor = (nodeKey: string) => signals.map((s) => series(s, s.source === 'PULSE' ? pulseReadings : importedReadings, s.source === 'PULSE' ? s.questionKey! : s.id, nodeKey, months));

    // KPIs owned by the unit, the units above it and the units below it.
    const ancestors = new Set<string>();
    for (let id: string | null = unit.id; id; id = allUnits.find((u) => u.id === id)?.parentId ?? null) ancestors.add(id);
    const owners = new Set([...ancestors, ...subtreeIds(allUnits, unit.id)]);
    const kpiSeries = await this.kpis.series(tx, owners, months);

    return Object.assign(new CultureOverviewModel(), {
      orgUnitId: unit.id,
      name: unit.name,
      path: unit.path,
      from: window.from,
      to: window.to,
      months,
      anonymityThreshold: policy.anonymityThreshold,
      signals: seriesFor(nodes[0]!.key),
      children: nodes.slice(1).map((n) => Object.assign(new UnitSignalsModel(), { orgUnitId: n.orgUnitId, name: n.name, path: n.path, direct: n.direct, signals: seriesFor(n.key) })),
      kpis: kpiSeries.map(({ kpi, points }) =>
        Object.assign(new KpiSeriesModel(), {
          kpiId: kpi.id, key: kpi.key, name: kpi.name, unit: kpi.unit, description: kpi.description, orgUnitId: kpi.orgUnitId, orgUnitPath: kpi.orgUnitPath,
          points: points.map((p) => Object.assign(new KpiPointModel(), p)),
        }),
      ),
    });
  }
}

function series(signal: SignalModel, readings: Readings, readingId: string, nodeKey: string, months: readonly string[]): SignalSeriesModel {
  const points = months.map((m) => pointFrom(m, readings.get(readingKey(readingId, nodeKey, m)) ?? []));
  return Object.assign(new SignalSeriesModel(), {
    signal,
    points: points.map((p) => Object.assign(new SignalPointModel(), { ...p, reason: p.reason ? HiddenPointReason[p.reason] : null })),
    trend: smoothTrend(points).map((t) => Object.assign(new TrendPointModel(), t)),
  });
}
