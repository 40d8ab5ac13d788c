// SCIM Groups are org units: displayName is the unit's path ("Engineering/Platform"),
// members are the active people placed directly in it. A person sits in exactly one
// unit, so adding a member moves them there; removing a member moves them to the
// root of the organisation. Units are never renamed over SCIM (their history in
// releases is keyed on them) and are deleted only when empty.
import { Injectable } from '@nestjs/common';
import type { Prisma, Tx } from '@pulsewise/db';
import { normalizePath } from '../../directory/directory-csv.js';
import { DirectoryService } from '../../directory/directory.service.js';
import { invalidSyntax, invalidValue, mutability, ScimError, scimNotFound, uniqueness } from './scim-errors.js';
import { parseFilter } from './scim-filter.js';
import { applyPatch, parsePatchRequest } from './scim-patch.js';
import { ScimRepository, type ScimUnitRow } from './scim.repository.js';
import { GROUP_SCHEMA, listResponse, type ScimContext } from './scim-schemas.js';
import { paging } from './scim-users.service.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_MEMBERS = 10_000;

function get(obj: Json, name: string): unknown {
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : obj[key];
}

interface GroupInput {
  displayName: string;
  externalId: string | null;
  /** undefined: members not sent (leave them). */
  memberIds: string[] | undefined;
}

function readGroup(body: unknown): GroupInput {
  if (!isObject(body)) throw invalidSyntax('The body must be a JSON object (a SCIM Group)');
  const schemas = get(body, 'schemas');
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === GROUP_SCHEMA.toLowerCase())) {
    throw invalidSyntax(`schemas must contain ${GROUP_SCHEMA}`);
  }
  const displayName = get(body, 'displayName');
  if (typeof displayName !== 'string' || !displayName.trim()) throw invalidValue('displayName is required (the org unit path, e.g. Engineering/Platform)');
  const path = normalizePath(displayName);
  if (path === null) throw invalidValue(`displayName "${displayName}" is not a valid org unit path: use names separated by "/", at most 10 levels, no empty parts`);
  const externalId = get(body, 'externalId');
  if (externalId !== undefined && externalId !== null && (typeof externalId !== 'string' || externalId.length > 255)) throw invalidValue('externalId must be a string of at most 255 characters');
  const members = get(body, 'members');
  let memberIds: string[] | undefined;
  if (members !== undefined && members !== null) {
    if (!Array.isArray(members) || members.length > MAX_MEMBERS) throw invalidValue(`members must be an array of at most ${MAX_MEMBERS} Users`);
    memberIds = members.map((m) => {
      const v = isObject(m) ? get(m, 'value') : undefined;
      if (typeof v !== 'string' || !UUID.test(v)) throw invalidValue('Every member needs the value (id) of a User');
      return v.toLowerCase();
    });
  }
  return { displayName: path, externalId: (externalId as string | undefined | null) ?? null, memberIds };
}

@Injectable()
export class ScimGroupsService {
  constructor(
    private readonly repo: ScimRepository,
    private readonly directory: DirectoryService,
  ) {}

  toResource(row: ScimUnitRow, ctx: ScimContext, withMembers = true): Json {
    return {
      schemas: [GROUP_SCHEMA],
      id: row.id,
      ...(row.scimLink?.externalId ? { externalId: row.scimLink.externalId } : {}),
      displayName: row.path,
      ...(withMembers ? { members: row.people.map((p) => ({ value: p.id, display: p.displayName, $ref: `${ctx.baseUrl}/Users/${p.id}`, type: 'User' })) } : {}),
      meta: { resourceType: 'Group', created: row.createdAt.toISOString(), lastModified: (row.scimLink?.updatedAt ?? row.createdAt).toISOString(), location: `${ctx.baseUrl}/Groups/${row.id}` },
    };
  }

  async list(tx: Tx, ctx: ScimContext, query: { filter?: string; startIndex?: string; count?: string; excludedAttributes?: string }) {
    const filters = parseFilter(query.filter, ['displayname', 'externalid', 'id']);
    const where: Prisma.OrgUnitWhereInput[] = [];
    for (const f of filters) {
      if (typeof f.value !== 'string') throw invalidValue(`${f.attribute} is compared with a string`);
      if (f.attribute === 'displayname') where.push({ path: normalizePath(f.value) ?? f.value });
      else if (f.attribute === 'externalid') where.push({ scimLink: { externalId: f.value } });
      else where.push(UUID.test(f.value) ? { id: f.value.toLowerCase() } : { id: { in: [] } });
    }
    const withMembers = !(query.excludedAttributes ?? '').toLowerCase().split(',').map((s) => s.trim()).includes('members');
    const { startIndex, count } = paging(query);
    const { items, total } = await this.repo.unitsPage(tx, { AND: where }, startIndex - 1, count);
    return listResponse(items.map((u) => this.toResource(u, ctx, withMembers)), total, startIndex);
  }

  async get(tx: Tx, ctx: ScimContext, id: string) {
    return this.toResource(await this.find(tx, ctx, id), ctx);
  }

  async create(tx: Tx, ctx: ScimContext, body: unknown) {
    const input = readGroup(body);
    const units = await this.repo.units(tx);
    if (units.some((u) => u.path === input.displayName)) throw uniqueness(`A Group named ${input.displayName} already exists`);
    const { idByPath, created } = await this.directory.ensureOrgUnitPaths(tx, ctx.tenantId, [input.displayName]);
    const id = idByPath.get(input.displayName)!;
    await this.repo.setUnitLink(tx, ctx.tenantId, id, input.externalId);
    const moved = await this.setMembers(tx, ctx, id, input.memberIds);
    await this.repo.audit(tx, ctx.tenantId, 'scim.group.created', { tokenId: ctx.tokenId, orgUnitId: id, path: input.displayName, orgUnitsCreated: created, ...moved });
    return this.toResource((await this.repo.unit(tx, ctx.tenantId, id))!, ctx);
  }

  async replace(tx: Tx, ctx: ScimContext, id: string, body: unknown) {
    const current = await this.find(tx, ctx, id);
    await this.write(tx, ctx, current, readGroup(body), 'scim.group.replaced');
    return this.toResource((await this.repo.unit(tx, ctx.tenantId, id))!, ctx);
  }

  async patch(tx: Tx, ctx: ScimContext, id: string, body: unknown) {
    const ops = parsePatchRequest(body);
    const current = await this.find(tx, ctx, id);
    const patched = applyPatch(this.toResource(current, ctx), ops, { core: GROUP_SCHEMA, extensions: [] });
    await this.write(tx, ctx, current, readGroup(patched), 'scim.group.patched');
    return this.toResource((await this.repo.unit(tx, ctx.tenantId, id))!, ctx);
  }

  async delete(tx: Tx, ctx: ScimContext, id: string): Promise<void> {
    const current = await this.find(tx, ctx, id);
    const inUse = await this.repo.unitInUse(tx, ctx.tenantId, id);
    if (inUse.people || inUse.children) {
      throw new ScimError(409, `Group ${current.path} still has ${inUse.people} people and ${inUse.children} child units; move them first`);
    }
    try {
      await this.repo.deleteUnit(tx, ctx.tenantId, id);
    } catch (error) {
      // A foreign key (releases, KPIs, signals) still points at it; the whole request rolls back.
      if ((error as { code?: string }).code !== 'P2003') throw error;
      throw new ScimError(409, `Group ${current.path} is referenced by results or KPIs and cannot be deleted`);
    }
    await this.repo.audit(tx, ctx.tenantId, 'scim.group.deleted', { tokenId: ctx.tokenId, orgUnitId: id, path: current.path });
  }

  private async find(tx: Tx, ctx: ScimContext, id: string): Promise<ScimUnitRow> {
    const row = UUID.test(id) ? await this.repo.unit(tx, ctx.tenantId, id.toLowerCase()) : null;
    if (!row) throw scimNotFound('Group', id);
    return row;
  }

  private async write(tx: Tx, ctx: ScimContext, current: ScimUnitRow, input: GroupInput, action: string) {
    if (input.displayName !== current.path) throw mutability(`Org units are not renamed over SCIM (${current.path} → ${input.displayName}); create a new Group instead`);
    await this.repo.setUnitLink(tx, ctx.tenantId, current.id, input.externalId);
    const moved = await this.setMembers(tx, ctx, current.id, input.memberIds, current.people.map((p) => p.id));
    await this.repo.audit(tx, ctx.tenantId, action, { tokenId: ctx.tokenId, orgUnitId: current.id, path: current.path, ...moved });
  }

  /** Makes `memberIds` the unit's active direct members: newcomers move in, people left out move to the root. */
  private async setMembers(tx: Tx, ctx: ScimContext, unitId: string, memberIds: string[] | undefined, currentIds: string[] = []) {
    if (memberIds === undefined) return { membersAdded: 0, membersRemoved: 0 };
    const wanted = [...new Set(memberIds)];
    if (wanted.length) {
      const found = new Set(await this.repo.personIds(tx, wanted));
      const missing = wanted.filter((id) => !found.has(id));
      if (missing.length) throw invalidValue(`members ${missing.slice(0, 5).join(', ')} are not Users of this directory`);
    }
    const added = wanted.filter((id) => !currentIds.includes(id));
    const removed = currentIds.filter((id) => !wanted.includes(id));
    if (added.length) await this.repo.moveMembers(tx, ctx.tenantId, added, unitId);
    if (removed.length) {
      const root = (await this.repo.units(tx)).find((u) => u.path === '')!;
      await this.repo.moveMembers(tx, ctx.tenantId, removed, root.id);
    }
    return { membersAdded: added.length, membersRemoved: removed.length };
  }
}
