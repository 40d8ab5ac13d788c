// SCIM Users (RFC 7643 §4.1, RFC 7644 §3) over the directory. userName is the work
// email (the key the CSV import and OIDC sign-in use too). Every write goes through
// the CSV import's row validation (validateDirectoryRecords), runs in one
// transaction with its audit event, and never deletes a person: DELETE and
// active=false deactivate, which stops their pulses at once.
import { Injectable } from '@nestjs/common';
import type { Prisma, Tx } from '@pulsewise/db';
import { IMPORTABLE_ROLES, normalizePath, validateDirectoryRecords } from '../../directory/directory-csv.js';
import { DirectoryRepository } from '../../directory/directory.repository.js';
import { DirectoryService } from '../../directory/directory.service.js';
import { invalidSyntax, invalidValue, scimNotFound, uniqueness } from './scim-errors.js';
import { parseFilter } from './scim-filter.js';
import { applyPatch, parsePatchRequest } from './scim-patch.js';
import { ScimRepository, type ScimPersonRow } from './scim.repository.js';
import { ENTERPRISE_SCHEMA, listResponse, MAX_PAGE, USER_SCHEMA, type ScimContext } from './scim-schemas.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Stands in for "the root unit" during validation, which (like the CSV) needs a non-empty path. */
const ROOT_PLACEHOLDER = 'Organisation root';

/** What a SCIM User body says, read leniently (attribute names are case-insensitive) and checked for type. */
interface UserInput {
  userName: string;
  externalId: string | null;
  displayName: string;
  active: boolean | undefined;
  timeZone: string | undefined;
  location: string | null | undefined;
  roles: string[] | undefined;
  /** undefined: the enterprise extension was not sent (keep unit and manager). */
  enterprise: { department: string | null; managerId: string | null } | undefined;
}

function get(obj: Json, name: string): unknown {
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : obj[key];
}

function optionalString(value: unknown, what: string, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  if (typeof value !== 'string') throw invalidValue(`${what} must be a string`);
  if (value.length > max) throw invalidValue(`${what} is longer than ${max} characters`);
  return value.trim();
}

export function readUser(body: unknown): UserInput {
  if (!isObject(body)) throw invalidSyntax('The body must be a JSON object (a SCIM User)');
  const schemas = get(body, 'schemas');
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === USER_SCHEMA.toLowerCase())) {
    throw invalidSyntax(`schemas must contain ${USER_SCHEMA}`);
  }
  const userName = get(body, 'userName');
  if (typeof userName !== 'string' || userName.trim() === '') throw invalidValue('userName is required (the person\'s work email)');

  const name = get(body, 'name');
  if (name !== undefined && name !== null && !isObject(name)) throw invalidValue('name must be an object');
  const formatted = isObject(name) ? optionalString(get(name, 'formatted'), 'name.formatted', 200) : undefined;
  const given = isObject(name) ? optionalString(get(name, 'givenName'), 'name.givenName', 120) : undefined;
  const family = isObject(name) ? optionalString(get(name, 'familyName'), 'name.familyName', 120) : undefined;
  const displayName =
    optionalString(get(body, 'displayName'), 'displayName', 200) || formatted || [given, family].filter(Boolean).join(' ') || userName.trim().split('@')[0]!;

  let active: boolean | undefined;
  const rawActive = get(body, 'active');
  if (rawActive === undefined || rawActive === null) active = undefined;
  else if (typeof rawActive === 'boolean') active = rawActive;
  else if (typeof rawActive === 'string' && /^(true|false)$/i.test(rawActive)) active = rawActive.toLowerCase() === 'true'; // some providers send "False"
  else throw invalidValue('active must be a boolean');

  const timeZone = optionalString(get(body, 'timezone'), 'timezone', 64) ?? undefined;

  let location: string | null | undefined;
  const addresses = get(body, 'addresses');
  if (addresses !== undefined && addresses !== null) {
    if (!Array.isArray(addresses) || !addresses.every(isObject)) throw invalidValue('addresses must be an array of objects');
    const work = addresses.find((a) => get(a, 'type') === 'work') ?? addresses.find((a) => get(a, 'primary') === true);
    location = work ? optionalString(get(work, 'locality'), 'addresses.locality', 80) ?? null : undefined;
  }

  let roles: string[] | undefined;
  const rawRoles = get(body, 'roles');
  if (rawRoles !== undefined && rawRoles !== null) {
    if (!Array.isArray(rawRoles)) throw invalidValue('roles must be an array');
    roles = rawRoles.map((r) => {
      const v = isObject(r) ? get(r, 'value') : r;
      if (typeof v !== 'string') throw invalidValue('roles must be strings or objects with a value');
      return v;
    });
  }

  let enterprise: UserInput['enterprise'];
  const ext = get(body, ENTERPRISE_SCHEMA);
  if (ext !== undefined && ext !== null) {
    if (!isObject(ext)) throw invalidValue(`${ENTERPRISE_SCHEMA} must be an object`);
    const department = optionalString(get(ext, 'department'), 'department', 800) ?? null;
    const rawManager = get(ext, 'manager');
    let managerId: string | null = null;
    const managerValue = isObject(rawManager) ? get(rawManager, 'value') : rawManager;
    if (managerValue !== undefined && managerValue !== null && managerValue !== '') {
      if (typeof managerValue !== 'string' || !UUID.test(managerValue)) throw invalidValue('manager.value must be the id of a User');
      managerId = managerValue.toLowerCase();
    }
    enterprise = { department, managerId };
  }

  const externalId = optionalString(get(body, 'externalId'), 'externalId', 255) ?? null;
  return { userName: userName.trim(), externalId, displayName: displayName.slice(0, 200), active, timeZone, location, roles, enterprise };
}

@Injectable()
export class ScimUsersService {
  constructor(
    private readonly repo: ScimRepository,
    private readonly directoryRepo: DirectoryRepository,
    private readonly directory: DirectoryService,
  ) {}

  toResource(row: ScimPersonRow, ctx: ScimContext): Json {
    const location = `${ctx.baseUrl}/Users/${row.id}`;
    return {
      schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
      id: row.id,
      ...(row.scimLink?.externalId ? { externalId: row.scimLink.externalId } : {}),
      userName: row.email,
      name: { formatted: row.displayName },
      displayName: row.displayName,
      emails: [{ value: row.email, type: 'work', primary: true }],
      active: row.active,
      timezone: row.timeZone,
      ...(row.location ? { addresses: [{ type: 'work', locality: row.location, primary: true }] } : {}),
      roles: row.roles.filter((r) => r !== 'PLATFORM_ADMIN').map((r) => ({ value: r })),
      groups: row.orgUnit.path ? [{ value: row.orgUnit.id, display: row.orgUnit.path, $ref: `${ctx.baseUrl}/Groups/${row.orgUnit.id}`, type: 'direct' }] : [],
      [ENTERPRISE_SCHEMA]: {
        ...(row.orgUnit.path ? { department: row.orgUnit.path } : {}),
        ...(row.manager ? { manager: { value: row.manager.id, $ref: `${ctx.baseUrl}/Users/${row.manager.id}`, displayName: row.manager.displayName } } : {}),
      },
      meta: { resourceType: 'User', created: row.createdAt.toISOString(), lastModified: row.updatedAt.toISOString(), location, version: `W/"${row.updatedAt.getTime()}"` },
    };
  }

  async list(tx: Tx, ctx: ScimContext, query: { filter?: string; startIndex?: string; count?: string }) {
    const filters = parseFilter(query.filter, ['username', 'externalid', 'id', 'emails.value', 'emails', 'active', 'displayname']);
    const where: Prisma.PersonWhereInput[] = [];
    for (const f of filters) {
      if (f.attribute === 'active') {
        if (typeof f.value !== 'boolean') throw invalidValue('active is compared with true or false');
        where.push({ active: f.value });
        continue;
      }
      if (typeof f.value !== 'string') throw invalidValue(`${f.attribute} is compared with a string`);
      if (f.attribute === 'username' || f.attribute === 'emails.value' || f.attribute === 'emails') where.push({ email: f.value.trim().toLowerCase() });
      else if (f.attribute === 'externalid') where.push({ scimLink: { externalId: f.value } });
      else if (f.attribute === 'id') where.push(UUID.test(f.value) ? { id: f.value.toLowerCase() } : { id: { in: [] } });
      else if (f.attribute === 'displayname') where.push({ displayName: f.value });
    }
    const { startIndex, count } = paging(query);
    const { items, total } = await this.repo.people(tx, { AND: where }, startIndex - 1, count);
    return listResponse(items.map((r) => this.toResource(r, ctx)), total, startIndex);
  }

  async get(tx: Tx, ctx: ScimContext, id: string) {
    return this.toResource(await this.find(tx, ctx, id), ctx);
  }

  async create(tx: Tx, ctx: ScimContext, body: unknown) {
    const input = readUser(body);
    const email = input.userName.toLowerCase();
    const existing = await this.repo.personByEmail(tx, email);
    // A person the provider DELETEd earlier comes back as the same person (their history stays theirs).
    if (existing && !existing.scimLink?.deletedAt) throw uniqueness(`A User with userName ${email} already exists`);
    const id = await this.write(tx, ctx, existing, input, existing ? 'scim.user.recreated' : 'scim.user.created');
    return this.toResource((await this.repo.person(tx, ctx.tenantId, id))!, ctx);
  }

  async replace(tx: Tx, ctx: ScimContext, id: string, body: unknown) {
    const current = await this.find(tx, ctx, id);
    await this.write(tx, ctx, current, readUser(body), 'scim.user.replaced');
    return this.toResource((await this.repo.person(tx, ctx.tenantId, id))!, ctx);
  }

  async patch(tx: Tx, ctx: ScimContext, id: string, body: unknown) {
    const ops = parsePatchRequest(body);
    const current = await this.find(tx, ctx, id);
    const patched = applyPatch(this.toResource(current, ctx), ops, { core: USER_SCHEMA, extensions: [ENTERPRISE_SCHEMA] });
    await this.write(tx, ctx, current, readUser(patched), 'scim.user.patched');
    return this.toResource((await this.repo.person(tx, ctx.tenantId, id))!, ctx);
  }

  /** DELETE: the person is deactivated and hidden from SCIM; never removed (their past stays in releases). */
  async delete(tx: Tx, ctx: ScimContext, id: string): Promise<void> {
    const current = await this.find(tx, ctx, id);
    const now = new Date();
    if (current.active) await this.directoryRepo.updatePerson(tx, ctx.tenantId, id, { active: false });
    const { linksVoided } = await this.repo.cutOff(tx, ctx.tenantId, id, now);
    await this.repo.setPersonLink(tx, ctx.tenantId, id, { deletedAt: now });
    await this.repo.audit(tx, ctx.tenantId, 'scim.user.deleted', { tokenId: ctx.tokenId, personId: id, email: current.email, deactivated: true, linksVoided });
  }

  private async find(tx: Tx, ctx: ScimContext, id: string): Promise<ScimPersonRow> {
    const row = UUID.test(id) ? await this.repo.person(tx, ctx.tenantId, id.toLowerCase()) : null;
    if (!row) throw scimNotFound('User', id);
    return row;
  }

  /** Validates the whole resulting person with the CSV import's rules, then writes it. Returns the person id. */
  private async write(tx: Tx, ctx: ScimContext, current: ScimPersonRow | null, input: UserInput, action: string): Promise<string> {
    const all = await this.directoryRepo.allPeople(tx);
    const email = input.userName.toLowerCase();
    if (current && current.email !== email && all.some((p) => p.email === email)) throw uniqueness(`A User with userName ${email} already exists`);

    let managerEmail: string | null;
    if (input.enterprise) {
      const managerId = input.enterprise.managerId;
      const manager = managerId ? all.find((p) => p.id === managerId) : null;
      if (managerId && !manager) throw invalidValue(`manager ${managerId} is not a User of this directory`);
      managerEmail = manager?.email ?? null;
    } else {
      managerEmail = current?.manager?.email ?? null;
    }
    let unitPath: string;
    if (input.enterprise?.department) {
      const normalised = normalizePath(input.enterprise.department);
      if (normalised === null) throw invalidValue(`department "${input.enterprise.department}" is not a valid org unit path: use names separated by "/", at most 10 levels, no empty parts`);
      unitPath = normalised;
    } else {
      unitPath = current?.orgUnit.path ?? '';
    }
    const roles = input.roles ?? current?.roles.filter((r) => r !== 'PLATFORM_ADMIN') ?? ['EMPLOYEE'];
    const existing = all.filter((p) => p.id !== current?.id).map((p) => ({ email: p.email, managerEmail: p.manager?.email ?? null }));
    const { rows, errors } = validateDirectoryRecords(
      [{
        email,
        name: input.displayName,
        orgUnitPath: unitPath || ROOT_PLACEHOLDER,
        managerEmail: managerEmail ?? '',
        location: (input.location === undefined ? current?.location : input.location) ?? '',
        startDate: current?.startDate ? current.startDate.toISOString().slice(0, 10) : '',
        timezone: input.timeZone ?? current?.timeZone ?? 'UTC',
        roles: roles.join(';'),
      }],
      existing,
    );
    if (errors.length || !rows[0]) throw invalidValue(errors.map((e) => (e.column ? `${SCIM_NAME[e.column] ?? e.column}: ${e.message}` : e.message)).join('; '));
    const row = rows[0];
    const { idByPath } = await this.directory.ensureOrgUnitPaths(tx, ctx.tenantId, unitPath ? [unitPath] : []);
    const orgUnitId = idByPath.get(unitPath)!;
    const managerId = row.managerEmail ? all.find((p) => p.email === row.managerEmail)!.id : null;
    const active = input.active ?? (current ? (current.scimLink?.deletedAt ? true : current.active) : true);
    const fields = {
      email: row.email, displayName: row.name, orgUnitId, managerId, location: row.location, timeZone: row.timeZone,
      roles: row.roles.filter((r) => (IMPORTABLE_ROLES as readonly string[]).includes(r)), active,
    };
    // Platform administrators are never made or unmade by a customer's identity provider.
    if (current?.roles.includes('PLATFORM_ADMIN')) fields.roles = [...fields.roles, 'PLATFORM_ADMIN'] as typeof fields.roles;

    let personId: string;
    if (current) {
      personId = current.id;
      await this.directoryRepo.updatePerson(tx, ctx.tenantId, personId, fields);
    } else {
      await this.directoryRepo.createPeople(tx, [{ tenantId: ctx.tenantId, ...fields }]);
      personId = (await this.directoryRepo.idsByEmail(tx, [row.email]))[0]!.id;
    }
    await this.repo.setPersonLink(tx, ctx.tenantId, personId, { externalId: input.externalId, deletedAt: null });
    const wasActive = current ? current.active && !current.scimLink?.deletedAt : false;
    const linksVoided = active ? 0 : (await this.repo.cutOff(tx, ctx.tenantId, personId, new Date())).linksVoided;
    await this.repo.audit(tx, ctx.tenantId, action, {
      tokenId: ctx.tokenId, personId, email: row.email,
      ...(current ? { changed: changedFields(current, fields) } : {}),
      ...(wasActive && !active ? { deactivated: true, linksVoided } : {}),
      ...(current && !wasActive && active ? { reactivated: true } : {}),
    });
    return personId;
  }
}

const SCIM_NAME: Record<string, string> = { email: 'userName', name: 'displayName', orgUnitPath: 'department', managerEmail: 'manager', timezone: 'timezone', roles: 'roles', location: 'addresses.locality' };

function changedFields(current: ScimPersonRow, next: { email: string; displayName: string; orgUnitId: string; managerId: string | null; location: string | null; timeZone: string; roles: string[]; active: boolean }): string[] {
  const changed: string[] = [];
  if (current.email !== next.email) changed.push('email');
  if (current.displayName !== next.displayName) changed.push('displayName');
  if (current.orgUnitId !== next.orgUnitId) changed.push('orgUnit');
  if (current.managerId !== next.managerId) changed.push('manager');
  if (current.location !== next.location) changed.push('location');
  if (current.timeZone !== next.timeZone) changed.push('timeZone');
  if ([...current.roles].sort().join() !== [...next.roles].sort().join()) changed.push('roles');
  if (current.active !== next.active) changed.push('active');
  return changed;
}

export function paging(query: { startIndex?: string; count?: string }): { startIndex: number; count: number } {
  const int = (v: string | undefined, name: string, fallback: number) => {
    if (v === undefined || v === '') return fallback;
    if (!/^-?\d{1,9}$/.test(v)) throw invalidValue(`${name} must be an integer`);
    return Number(v);
  };
  // RFC 7644 §3.4.2.4: startIndex below 1 means 1, a negative count means 0.
  const startIndex = Math.max(1, int(query.startIndex, 'startIndex', 1));
  const count = Math.min(MAX_PAGE, Math.max(0, int(query.count, 'count', 100)));
  return { startIndex, count };
}
