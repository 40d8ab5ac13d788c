import { Injectable } from '@nestjs/common';
import type { Tx } from '@pulsewise/db';
import { recordAudit } from '../../common/audit/audit-log.js';
import { badInput, conflict, notFound } from '../../common/errors/domain-error.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import { countDataRows } from '../kpis/kpis.service.js';
import { MAX_IMPORT_BYTES } from './csv-table.js';
import type { DefineImportedSignalInput, SetSignalHealthyBandInput } from './dto/signal.inputs.js';
import { newImportKey } from './import-keys.js';
import { CreatedSignalImportKeyModel, SignalImportKeyModel, SignalImportResultModel, SignalModel, SignalSourceEnum } from './models/signal.models.js';
import { catalogueOrder, ensureBuiltInSignals } from './signal-catalogue.js';
import { validateSignalCsv } from './signal-csv.js';
import { loadPublishContext, replaceAndPublish, republishAll } from './signal-publisher.js';
import { monthOf } from './months.js';
import { SignalsRepository, type SignalRow } from './signals.repository.js';

/** Who imports: a signed-in admin, or an HR system's API key. */
export type ImportActor = { viewer: Viewer } | { tenantId: string; importKeyId: string };

@Injectable()
export class SignalsService {
  constructor(private readonly repo: SignalsRepository) {}

  /** The catalogue in its fixed order (built-ins first). Built-ins are added on first use. */
  async signals(tx: Tx, tenantId: string): Promise<SignalModel[]> {
    await ensureBuiltInSignals(tx, tenantId);
    return catalogueOrder(await this.repo.signals(tx)).map(toSignalModel);
  }

  async setHealthyBand(tx: Tx, viewer: Viewer, input: SetSignalHealthyBandInput): Promise<SignalModel> {
    await ensureBuiltInSignals(tx, viewer.tenantId);
    const signal = await this.repo.signalByKey(tx, input.key);
    if (!signal) throw notFound('Signal');
    const healthyMin = input.healthyMin ?? null;
    const healthyMax = input.healthyMax ?? null;
    if (healthyMin !== null && healthyMax !== null && healthyMin > healthyMax) throw badInput('healthyMin must not be above healthyMax');
    for (const v of [healthyMin, healthyMax]) {
      if (v !== null && signal.valueMin !== null && signal.valueMax !== null && (v < signal.valueMin || v > signal.valueMax)) {
        throw badInput(`The healthy band must lie within ${signal.valueMin} to ${signal.valueMax} (${signal.unit})`);
      }
    }
    const row = await this.repo.updateSignal(tx, viewer.tenantId, signal.id, { healthyMin, healthyMax });
    await recordAudit(tx, viewer, 'signal.healthy_band_set', { key: signal.key, healthyMin, healthyMax });
    return toSignalModel(row);
  }

  async defineImportedSignal(tx: Tx, viewer: Viewer, input: DefineImportedSignalInput): Promise<SignalModel> {
    await ensureBuiltInSignals(tx, viewer.tenantId);
    const valueMin = input.valueMin ?? null;
    const valueMax = input.valueMax ?? null;
    if ((valueMin === null) !== (valueMax === null)) throw badInput('Give both valueMin and valueMax, or neither');
    if (valueMin !== null && valueMax !== null && valueMin >= valueMax) throw badInput('valueMin must be below valueMax');
    if (await this.repo.signalByKey(tx, input.key)) throw conflict(`A signal with key "${input.key}" already exists`);
    const row = await this.repo.createSignal(tx, {
      tenantId: viewer.tenantId, key: input.key, name: input.name.trim(), description: input.description.trim(), unit: input.unit.trim(),
      source: 'IMPORT', questionKey: null, valueMin, valueMax, builtIn: false,
    });
    await recordAudit(tx, viewer, 'signal.defined', { key: row.key });
    return toSignalModel(row);
  }

  /**
   * Validate-all-then-write. Rows for fewer than k people, unknown signals or units,
   * bad months or values: every problem comes back by line and nothing is written.
   * Otherwise each (signal, month) in the file replaces what was stored for it, and
   * each of those months goes through the privacy engine before anything can be read.
   */
  async importObservations(tx: Tx, actor: ImportActor, csv: string): Promise<SignalImportResultModel> {
    const tenantId = 'viewer' in actor ? actor.viewer.tenantId : actor.tenantId;
    if (Buffer.byteLength(csv, 'utf8') > MAX_IMPORT_BYTES) throw badInput(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it and import the parts.`);
    await ensureBuiltInSignals(tx, tenantId);
    const [signals, policy, units, headcounts] = await Promise.all([this.repo.signals(tx), this.repo.policy(tx, tenantId), this.repo.orgUnits(tx), this.repo.directHeadcounts(tx)]);
    const direct = new Map(headcounts.map((h) => [h.orgUnitId, h._count]));
    const { rows, errors } = validateSignalCsv(csv, {
      k: policy.anonymityThreshold,
      signals: new Map(signals.map((s) => [s.key, s])),
      units: new Map(units.map((u) => [u.path, { id: u.id, directHeadcount: direct.get(u.id) ?? 0 }])),
      currentMonth: monthOf(new Date()),
    });
    const result = Object.assign(new SignalImportResultModel(), {
      ok: errors.length === 0, rowsRead: rows.length || countDataRows(csv), monthsImported: 0, monthsPublished: 0, monthsWithheld: 0, errors,
    });
    if (errors.length) return result;

    const ctx = await loadPublishContext(tx, tenantId);
    const outcome = await replaceAndPublish(tx, ctx, new Map(signals.map((s) => [s.id, s])), rows);
    result.monthsImported = new Set(rows.map((r) => `${r.signalId}|${r.month}`)).size;
    result.monthsPublished = outcome.published;
    result.monthsWithheld = outcome.withheld;
    const details = { rows: rows.length, signals: [...new Set(rows.map((r) => r.signalKey))].sort(), months: [...new Set(rows.map((r) => r.month))].sort(), published: outcome.published, withheld: outcome.withheld };
    if ('viewer' in actor) await recordAudit(tx, actor.viewer, 'signals.imported', details);
    else await this.repo.recordKeyAudit(tx, tenantId, 'signals.imported', { ...details, importKeyId: actor.importKeyId });
    return result;
  }

  /**
   * Audits every imported month again with the tenant's current policy. Needed after k is
   * raised: until then, months audited with the lower k are shown as withheld. The tenants
   * module can call this in the same transaction as the policy change.
   */
  async republishAll(tx: Tx, tenantId: string, viewer?: Viewer): Promise<SignalImportResultModel> {
    const outcome = await republishAll(tx, await loadPublishContext(tx, tenantId));
    if (viewer) await recordAudit(tx, viewer, 'signals.republished', outcome);
    return Object.assign(new SignalImportResultModel(), {
      ok: true, rowsRead: 0, monthsImported: outcome.published + outcome.withheld, monthsPublished: outcome.published, monthsWithheld: outcome.withheld, errors: [],
    });
  }

  async importKeys(tx: Tx): Promise<SignalImportKeyModel[]> {
    return (await this.repo.importKeys(tx)).map((k) => Object.assign(new SignalImportKeyModel(), k));
  }

  async createImportKey(tx: Tx, viewer: Viewer, name: string): Promise<CreatedSignalImportKeyModel> {
    const { secret, hash } = newImportKey(viewer.tenantId);
    const key = await this.repo.createImportKey(tx, { tenantId: viewer.tenantId, name: name.trim(), keyHash: hash, createdBy: viewer.personId });
    await recordAudit(tx, viewer, 'signals.import_key_created', { importKeyId: key.id, name: key.name });
    return Object.assign(new CreatedSignalImportKeyModel(), { importKey: Object.assign(new SignalImportKeyModel(), key), secret });
  }

  async revokeImportKey(tx: Tx, viewer: Viewer, id: string): Promise<SignalImportKeyModel> {
    const existing = await this.repo.importKey(tx, viewer.tenantId, id);
    if (!existing) throw notFound('Import key');
    const key = existing.revokedAt ? existing : await this.repo.touchImportKey(tx, viewer.tenantId, id, { revokedAt: new Date() });
    if (!existing.revokedAt) await recordAudit(tx, viewer, 'signals.import_key_revoked', { importKeyId: id });
    return Object.assign(new SignalImportKeyModel(), key);
  }
}

export function toSignalModel(row: SignalRow): SignalModel {
  return Object.assign(new SignalModel(), { ...row, source: row.source as SignalSourceEnum });
}
