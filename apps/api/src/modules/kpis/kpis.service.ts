import { Injectable } from '@nestjs/common';
import type { Tx } from '@pulsewise/db';
import { recordAudit } from '../../common/audit/audit-log.js';
import { badInput, conflict, notFound } from '../../common/errors/domain-error.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import { orderTree } from '../directory/org-tree.js';
import { MAX_IMPORT_BYTES } from '../signals/csv-table.js';
import { isMonth, monthOf, resolveWindow } from '../signals/months.js';
import type { CreateKpiInput, RecordKpiObservationsInput, UpdateKpiInput } from './dto/kpi.inputs.js';
import { validateKpiCsv } from './kpi-csv.js';
import { KpisRepository, type KpiRow } from './kpis.repository.js';
import { KpiImportResultModel, KpiModel, KpiObservationModel } from './models/kpi.models.js';

export interface KpiSeriesData {
  kpi: KpiModel;
  points: { month: string; value: number | null }[];
}

@Injectable()
export class KpisService {
  constructor(private readonly repo: KpisRepository) {}

  /** KPIs in org-tree order of their owning unit, then by name — never by a value. */
  async kpis(tx: Tx, where: { orgUnitIds?: ReadonlySet<string> } = {}): Promise<KpiModel[]> {
    const [rows, units] = await Promise.all([
      this.repo.list(tx, where.orgUnitIds ? { orgUnitId: { in: [...where.orgUnitIds] } } : {}),
      this.repo.orgUnits(tx),
    ]);
    const position = new Map(orderTree(units).map((u, i) => [u.id, i]));
    return rows
      .sort((a, b) => (position.get(a.orgUnitId) ?? 0) - (position.get(b.orgUnitId) ?? 0) || a.name.localeCompare(b.name) || a.key.localeCompare(b.key))
      .map(toKpiModel);
  }

  async createKpi(tx: Tx, viewer: Viewer, input: CreateKpiInput): Promise<KpiModel> {
    if (!(await this.repo.orgUnitExists(tx, viewer.tenantId, input.orgUnitId))) throw notFound('Org unit');
    if (await this.repo.findByKey(tx, input.key)) throw conflict(`A KPI with key "${input.key}" already exists`);
    const row = await this.repo.create(tx, { tenantId: viewer.tenantId, key: input.key, name: input.name.trim(), unit: input.unit.trim(), description: input.description.trim(), orgUnitId: input.orgUnitId });
    await recordAudit(tx, viewer, 'kpi.created', { kpiId: row.id, key: row.key });
    return toKpiModel(row);
  }

  async updateKpi(tx: Tx, viewer: Viewer, input: UpdateKpiInput): Promise<KpiModel> {
    if (!(await this.repo.find(tx, viewer.tenantId, input.id))) throw notFound('KPI');
    if (input.orgUnitId && !(await this.repo.orgUnitExists(tx, viewer.tenantId, input.orgUnitId))) throw notFound('Org unit');
    const row = await this.repo.update(tx, viewer.tenantId, input.id, {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.unit !== undefined ? { unit: input.unit.trim() } : {}),
      ...(input.description !== undefined ? { description: input.description.trim() } : {}),
      ...(input.orgUnitId !== undefined ? { orgUnitId: input.orgUnitId } : {}),
    });
    await recordAudit(tx, viewer, 'kpi.updated', { kpiId: row.id, fields: Object.keys(input).filter((k) => k !== 'id') });
    return toKpiModel(row);
  }

  async deleteKpi(tx: Tx, viewer: Viewer, id: string): Promise<boolean> {
    const row = await this.repo.find(tx, viewer.tenantId, id);
    if (!row) throw notFound('KPI');
    await this.repo.delete(tx, viewer.tenantId, id);
    await recordAudit(tx, viewer, 'kpi.deleted', { kpiId: id, key: row.key });
    return true;
  }

  async kpiObservations(tx: Tx, viewer: Viewer, kpiId: string, from?: string, to?: string): Promise<KpiObservationModel[]> {
    if (!(await this.repo.find(tx, viewer.tenantId, kpiId))) throw notFound('KPI');
    const window = resolveWindow(from, to, new Date());
    if ('error' in window) throw badInput(window.error);
    const rows = await this.repo.observations(tx, [kpiId], window.from, window.to);
    return rows.sort((a, b) => (a.month < b.month ? -1 : 1)).map((r) => Object.assign(new KpiObservationModel(), { month: r.month, value: r.value }));
  }

  async recordKpiObservations(tx: Tx, viewer: Viewer, input: RecordKpiObservationsInput): Promise<KpiObservationModel[]> {
    if (!(await this.repo.find(tx, viewer.tenantId, input.kpiId))) throw notFound('KPI');
    const now = monthOf(new Date());
    const problems = input.observations.flatMap((o, i) =>
      !isMonth(o.month) ? [`observations[${i}]: "${o.month}" is not a month`] : o.month > now ? [`observations[${i}]: ${o.month} has not happened yet`] : [],
    );
    const months = input.observations.map((o) => o.month);
    if (new Set(months).size !== months.length) problems.push('Each month may appear once');
    if (problems.length) throw badInput(problems.join('; '), { problems });
    await this.repo.upsertObservations(tx, viewer.tenantId, input.observations.map((o) => ({ kpiId: input.kpiId, month: o.month, value: o.value })));
    await recordAudit(tx, viewer, 'kpi.observations_recorded', { kpiId: input.kpiId, months });
    return input.observations.map((o) => Object.assign(new KpiObservationModel(), o));
  }

  /** Validate-all-then-write: any invalid row and nothing is written; every problem comes back by line. */
  async importKpiObservations(tx: Tx, viewer: Viewer, csv: string): Promise<KpiImportResultModel> {
    if (Buffer.byteLength(csv, 'utf8') > MAX_IMPORT_BYTES) throw badInput(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it and import the parts.`);
    const kpis = await this.repo.list(tx);
    const { rows, errors } = validateKpiCsv(csv, new Map(kpis.map((k) => [k.key, { id: k.id }])), monthOf(new Date()));
    const result = Object.assign(new KpiImportResultModel(), { ok: errors.length === 0, rowsRead: rows.length || countDataRows(csv), observationsWritten: 0, errors });
    if (errors.length) return result;
    await this.repo.upsertObservations(tx, viewer.tenantId, rows);
    result.observationsWritten = rows.length;
    await recordAudit(tx, viewer, 'kpi.observations_imported', { rows: rows.length });
    return result;
  }

  /** Monthly series on the given axis for KPIs owned by the given units (null where nothing was recorded). */
  async series(tx: Tx, orgUnitIds: ReadonlySet<string>, months: readonly string[]): Promise<KpiSeriesData[]> {
    const kpis = await this.kpis(tx, { orgUnitIds });
    if (kpis.length === 0 || months.length === 0) return [];
    const rows = await this.repo.observations(tx, kpis.map((k) => k.id), months[0]!, months.at(-1)!);
    const value = new Map(rows.map((r) => [`${r.kpiId}|${r.month}`, r.value]));
    return kpis.map((kpi) => ({ kpi, points: months.map((month) => ({ month, value: value.get(`${kpi.id}|${month}`) ?? null })) }));
  }
}

export function countDataRows(csv: string): number {
  return Math.max(0, csv.split(/\r?\n/).filter((l) => l.trim()).length - 1);
}

function toKpiModel(row: KpiRow): KpiModel {
  return Object.assign(new KpiModel(), { id: row.id, key: row.key, name: row.name, unit: row.unit, description: row.description, orgUnitId: row.orgUnitId, orgUnitPath: row.orgUnit.path });
}
