import { Injectable } from '@nestjs/common';
import { recordAudit } from '../../common/audit/audit-log.js';
import type { Tx } from '@pulsewise/db';
import { badInput, notFound } from '../../common/errors/domain-error.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import { validateDirectoryCsv, type DirectoryRow } from './directory-csv.js';
import { DirectoryRepository, type PersonRow } from './directory.repository.js';
import { MAX_CSV_BYTES, type PeopleArgs } from './dto/directory.inputs.js';
import { DirectoryImportResultModel, OrgUnitModel, PersonModel, PersonPageModel } from './models/directory.models.js';
import { orderTree, subtreeIds, type TreeNode } from './org-tree.js';

@Injectable()
export class DirectoryService {
  constructor(private readonly repo: DirectoryRepository) {}

  /** Org units in tree order (parents before children, siblings by name) — never by any value. */
  async orgUnits(tx: Tx, viewer: Viewer): Promise<OrgUnitModel[]> {
    const units = orderTree(await this.repo.orgUnits(tx));
    const visible = await this.visibleUnitIds(tx, viewer, units);
    return units.filter((u) => !visible || visible.has(u.id)).map((u) => Object.assign(new OrgUnitModel(), u));
  }

  async orgUnit(tx: Tx, viewer: Viewer, id: string): Promise<OrgUnitModel> {
    const units = orderTree(await this.repo.orgUnits(tx));
    const unit = units.find((u) => u.id === id);
    const visible = await this.visibleUnitIds(tx, viewer, units);
    if (!unit || (visible && !visible.has(id))) throw notFound('Org unit');
    return Object.assign(new OrgUnitModel(), unit);
  }

  /** The org tree in tree order and the units this viewer may see (null: all of them). */
  async scope(tx: Tx, viewer: Viewer): Promise<{ units: (TreeNode & { depth: number })[]; visible: Set<string> | null }> {
    const units = orderTree(await this.repo.orgUnits(tx));
    return { units, visible: await this.visibleUnitIds(tx, viewer, units) };
  }

  /** Managers see their own unit and everything below it; admins and HR see the whole tree. */
  private async visibleUnitIds(tx: Tx, viewer: Viewer, units: { id: string; parentId: string | null }[]): Promise<Set<string> | null> {
    if (viewer.roles.includes('TENANT_ADMIN') || viewer.roles.includes('HR_LEADER')) return null;
    const me = await this.repo.person(tx, viewer.tenantId, viewer.personId);
    return me ? subtreeIds(units, me.orgUnitId) : new Set();
  }

  async people(tx: Tx, viewer: Viewer, args: PeopleArgs): Promise<PersonPageModel> {
    const where: Parameters<DirectoryRepository['peoplePage']>[1] = {};
    if (args.orgUnitId) {
      const units = await this.repo.orgUnits(tx);
      if (!units.some((u) => u.id === args.orgUnitId)) throw notFound('Org unit');
      where.orgUnitId = { in: [...subtreeIds(units, args.orgUnitId)] };
    }
    if (args.search) where.OR = [{ email: { contains: args.search, mode: 'insensitive' } }, { displayName: { contains: args.search, mode: 'insensitive' } }];
    const after = args.after ? Buffer.from(args.after, 'base64url').toString('utf8') : undefined;
    const { items, totalCount } = await this.repo.peoplePage(tx, where, args.first, after);
    const page = items.slice(0, args.first);
    const last = page.at(-1);
    return Object.assign(new PersonPageModel(), {
      items: page.map(toPersonModel),
      totalCount,
      nextCursor: items.length > args.first && last ? Buffer.from(last.email, 'utf8').toString('base64url') : null,
    });
  }

  async person(tx: Tx, viewer: Viewer, id: string): Promise<PersonModel> {
    const row = await this.repo.person(tx, viewer.tenantId, id);
    if (!row) throw notFound('Person');
    return toPersonModel(row);
  }

  /**
   * Validate-all-then-write: if any row is invalid, nothing is written and every
   * problem comes back by row. Otherwise people and org units are upserted in the
   * request's single transaction; re-importing the same file changes nothing.
   */
  async importDirectory(tx: Tx, viewer: Viewer, csv: string): Promise<DirectoryImportResultModel> {
    if (Buffer.byteLength(csv, 'utf8') > MAX_CSV_BYTES) throw badInput(`The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB. Split it and import the parts.`);
    const existing = await this.repo.allPeople(tx);
    const { rows, errors } = validateDirectoryCsv(csv, existing.map((p) => ({ email: p.email, managerEmail: p.manager?.email ?? null })));
    const result = Object.assign(new DirectoryImportResultModel(), {
      ok: errors.length === 0, rowsRead: rows.length || countDataRows(csv), peopleCreated: 0, peopleUpdated: 0, peopleUnchanged: 0, orgUnitsCreated: 0, errors,
    });
    if (errors.length) return result;

    const unitIdByPath = await this.ensureOrgUnits(tx, viewer.tenantId, rows, result);
    const byEmail = new Map(existing.map((p) => [p.email, p]));
    const fresh = rows.filter((r) => !byEmail.has(r.email));
    await this.repo.createPeople(tx, fresh.map((r) => ({ tenantId: viewer.tenantId, ...personFields(r, unitIdByPath) })));
    result.peopleCreated = fresh.length;

    const idByEmail = new Map([...existing.map((p) => [p.email, p.id] as const), ...(await this.repo.idsByEmail(tx, fresh.map((r) => r.email))).map((p) => [p.email, p.id] as const)]);
    for (const r of rows) {
      const id = idByEmail.get(r.email)!;
      const desired = { ...personFields(r, unitIdByPath), managerId: r.managerEmail ? idByEmail.get(r.managerEmail)! : null };
      const current = byEmail.get(r.email);
      if (!current) {
        if (desired.managerId) await this.repo.updatePerson(tx, viewer.tenantId, id, { managerId: desired.managerId });
        continue;
      }
      const changes = diffPerson(current, desired);
      if (Object.keys(changes).length) {
        await this.repo.updatePerson(tx, viewer.tenantId, id, changes);
        result.peopleUpdated++;
      } else {
        result.peopleUnchanged++;
      }
    }
    await recordAudit(tx, viewer, 'directory.imported', {
      rows: rows.length, created: result.peopleCreated, updated: result.peopleUpdated, orgUnitsCreated: result.orgUnitsCreated,
    });
    return result;
  }

  private async ensureOrgUnits(tx: Tx, tenantId: string, rows: DirectoryRow[], result: DirectoryImportResultModel): Promise<Map<string, string>> {
    const { idByPath, created } = await this.ensureOrgUnitPaths(tx, tenantId, rows.map((r) => r.orgUnitPath));
    result.orgUnitsCreated += created;
    return idByPath;
  }

  /** Creates every missing unit on the given (normalised) paths, parents first; shared with SCIM provisioning. */
  async ensureOrgUnitPaths(tx: Tx, tenantId: string, paths: string[]): Promise<{ idByPath: Map<string, string>; created: number }> {
    const units = await this.repo.orgUnits(tx);
    const idByPath = new Map(units.map((u) => [u.path, u.id]));
    let created = 0;
    const wanted = new Set<string>();
    for (const p of paths) {
      if (!p) continue;
      const parts = p.split('/');
      for (let i = 1; i <= parts.length; i++) wanted.add(parts.slice(0, i).join('/'));
    }
    // Shorter paths first, so every parent exists before its children.
    for (const path of [...wanted].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))) {
      if (idByPath.has(path)) continue;
      const parentPath = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      const parentId = idByPath.get(parentPath);
      if (!parentId) throw new Error(`Org unit parent missing for ${path}`);
      const unit = await this.repo.createOrgUnit(tx, { tenantId, parentId, name: path.slice(path.lastIndexOf('/') + 1), path });
      idByPath.set(path, unit.id);
      created++;
    }
    return { idByPath, created };
  }
}

function countDataRows(csv: string): number {
  return Math.max(0, csv.split(/\r?\n/).filter((l) => l.trim()).length - 1);
}

function personFields(r: DirectoryRow, unitIdByPath: Map<string, string>) {
  return {
    email: r.email,
    displayName: r.name,
    orgUnitId: unitIdByPath.get(r.orgUnitPath)!,
    location: r.location,
    startDate: r.startDate ? new Date(`${r.startDate}T00:00:00Z`) : null,
    timeZone: r.timeZone,
    roles: r.roles,
    active: true,
  };
}

function diffPerson(current: PersonRow, desired: ReturnType<typeof personFields> & { managerId: string | null }) {
  const changes: Record<string, unknown> = {};
  if (current.displayName !== desired.displayName) changes.displayName = desired.displayName;
  if (current.orgUnitId !== desired.orgUnitId) changes.orgUnitId = desired.orgUnitId;
  if (current.managerId !== desired.managerId) changes.managerId = desired.managerId;
  if (current.location !== desired.location) changes.location = desired.location;
  if ((current.startDate?.toISOString() ?? null) !== (desired.startDate?.toISOString() ?? null)) changes.startDate = desired.startDate;
  if (current.timeZone !== desired.timeZone) changes.timeZone = desired.timeZone;
  if ([...current.roles].sort().join() !== [...desired.roles].sort().join()) changes.roles = desired.roles;
  if (!current.active) changes.active = true;
  return changes;
}

export function toPersonModel(row: PersonRow): PersonModel {
  return Object.assign(new PersonModel(), { ...row, startDate: row.startDate ? row.startDate.toISOString().slice(0, 10) : null });
}
