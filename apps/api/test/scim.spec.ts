// SCIM 2.0 provisioning against the real API and database: the request/response
// examples of RFC 7644 §3 for Users (create, get, filter, patch, delete), Groups as
// org units, the enterprise extension, tenant isolation of tokens, SCIM errors that
// change nothing, token rotation/revocation, audit events — and a deactivated person's
// unused pulse links stop working at once.
import { withTenant } from '@pulsewise/db';
import { createTenant, signIn, type FixtureTenant } from '../src/test-support/fixtures.js';
import { startTestApp, type TestApp } from '../src/test-support/test-app.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

let api: TestApp;
let base: string;
let a: FixtureTenant;
let b: FixtureTenant;
let tokenA: string;
let tokenB: string;
let adminA: string;

interface ScimResult {
  status: number;
  headers: Headers;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function scim(method: string, path: string, token: string, body?: unknown, raw?: string): Promise<ScimResult> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, accept: 'application/scim+json', ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/scim+json' } : {}) },
    ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const CREATE_TOKEN = 'mutation($name: String!) { createScimToken(name: $name) { secret endpoint scimToken { id name } } }';

async function createToken(adminToken: string, name = 'Okta'): Promise<{ secret: string; id: string }> {
  const r = await api.gql<{ createScimToken: { secret: string; scimToken: { id: string } } }>(CREATE_TOKEN, { name }, { token: adminToken });
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return { secret: r.data.createScimToken.secret, id: r.data.createScimToken.scimToken.id };
}

/** Everything SCIM could change about tenant A, to prove a refused request changed nothing. */
async function snapshotA() {
  return withTenant(api.prisma, a.id, async (tx) => ({
    people: await tx.person.findMany({ orderBy: { email: 'asc' }, select: { id: true, email: true, displayName: true, orgUnitId: true, managerId: true, timeZone: true, roles: true, active: true } }),
    units: await tx.orgUnit.count(),
    links: await tx.scimUserLink.findMany({ orderBy: { personId: 'asc' } }),
    audit: await tx.auditEvent.count(),
  }));
}

function expectScimError(r: ScimResult, status: number, scimType?: string) {
  expect(r.headers.get('content-type')).toMatch(/^application\/scim\+json/);
  expect(r.body.schemas).toEqual([ERROR]);
  expect(r.body.status).toBe(String(status));
  expect(r.status).toBe(status);
  if (scimType) expect(r.body.scimType).toBe(scimType);
  expect(typeof r.body.detail).toBe('string');
  expect(JSON.stringify(r.body)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
}

beforeAll(async () => {
  api = await startTestApp('scim');
  base = api.url.replace(/\/graphql$/, '/scim/v2');
  a = await createTenant(api.prisma, {
    slug: 'scim-a', units: ['Engineering'],
    people: [
      { email: 'admin@a.example', roles: ['TENANT_ADMIN', 'EMPLOYEE'], unit: 'Engineering' },
      { email: 'lead@a.example', roles: ['MANAGER', 'EMPLOYEE'], unit: 'Engineering' },
    ],
  });
  b = await createTenant(api.prisma, { slug: 'scim-b', people: [{ email: 'admin@b.example', roles: ['TENANT_ADMIN', 'EMPLOYEE'] }] });
  adminA = (await signIn(api, 'admin@a.example')).token;
  tokenA = (await createToken(adminA)).secret;
  tokenB = (await createToken((await signIn(api, 'admin@b.example')).token)).secret;
});

afterAll(async () => {
  await api?.close();
});

describe('RFC 7644 §3 Users', () => {
  let bjensen: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  // Pulsewise keys the directory by work email, so userName is an email; otherwise the bodies are the RFC's.
  it('§3.3 creates a User: 201, Location, meta, and the resource as stored', async () => {
    const r = await scim('POST', '/Users', tokenA, {
      schemas: [USER],
      userName: 'bjensen@a.example',
      externalId: 'bjensen',
      name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
    });
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    bjensen = r.body;
    expect(bjensen).toMatchObject({
      schemas: expect.arrayContaining([USER]),
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      externalId: 'bjensen',
      userName: 'bjensen@a.example',
      name: { formatted: 'Ms. Barbara J Jensen III' },
      active: true,
      meta: { resourceType: 'User', created: expect.any(String), lastModified: expect.any(String), location: `${base}/Users/${bjensen.id}`, version: expect.stringMatching(/^W\/"/) },
    });
    expect(r.headers.get('location')).toBe(bjensen.meta.location);
    expect(r.headers.get('etag')).toBe(bjensen.meta.version);

    const person = await withTenant(api.prisma, a.id, (tx) => tx.person.findFirst({ where: { email: 'bjensen@a.example' }, include: { orgUnit: true } }));
    expect(person).toMatchObject({ id: bjensen.id, displayName: 'Ms. Barbara J Jensen III', active: true, roles: ['EMPLOYEE'] });
    expect(person!.orgUnit.path).toBe(''); // no department yet: the root of the organisation
  });

  it('§3.3 refuses a second User with the same userName (409 uniqueness)', async () => {
    const r = await scim('POST', '/Users', tokenA, { schemas: [USER], userName: 'BJensen@a.example' });
    expectScimError(r, 409, 'uniqueness');
  });

  it('answers concurrent creates of one userName with one 201 and 409s, never a 500', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => scim('POST', '/Users', tokenA, { schemas: [USER], userName: 'race@a.example' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expectScimError(r, 409, 'uniqueness');
    const created = results.find((r) => r.status === 201)!;
    expect((await scim('DELETE', `/Users/${created.body.id}`, tokenA)).status).toBe(204); // leaves the paging counts below as they were
  });

  it('§3.4.1 gets the User by id', async () => {
    const r = await scim('GET', `/Users/${bjensen.id}`, tokenA);
    expect(r.status).toBe(200);
    expect(r.body).toEqual(bjensen);
    expect(r.headers.get('etag')).toBe(bjensen.meta.version);
  });

  it('§3.4.2 filters by userName (operator case-insensitive) and pages with startIndex/count', async () => {
    const r = await scim('GET', `/Users?filter=${encodeURIComponent('userName Eq "bjensen@a.example"')}`, tokenA);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ schemas: [LIST], totalResults: 1, startIndex: 1, itemsPerPage: 1 });
    expect(r.body.Resources[0]).toEqual(bjensen);

    const none = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "nobody@a.example"')}`, tokenA);
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });

    const byExternal = await scim('GET', `/Users?filter=${encodeURIComponent('externalId eq "bjensen"')}`, tokenA);
    expect(byExternal.body.Resources.map((u: { id: string }) => u.id)).toEqual([bjensen.id]);

    // admin, bjensen, lead — ordered by userName; page 2 of size 1 is bjensen.
    const page = await scim('GET', '/Users?startIndex=2&count=1', tokenA);
    expect(page.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
    expect(page.body.Resources[0].userName).toBe('bjensen@a.example');
    const countOnly = await scim('GET', '/Users?count=0', tokenA);
    expect(countOnly.body).toMatchObject({ totalResults: 3, itemsPerPage: 0, Resources: [] });
  });

  it('§3.5.2.1 PATCH add without a path (the RFC example) keeps the User valid', async () => {
    const r = await scim('PATCH', `/Users/${bjensen.id}`, tokenA, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', value: { emails: [{ value: 'babs@jensen.org', type: 'home' }], nickname: 'Babs' } }],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: bjensen.id, userName: 'bjensen@a.example', active: true });
  });

  it('§3.5.2.3 PATCH replace: displayName, the enterprise department and manager (same rules as the CSV import)', async () => {
    const r = await scim('PATCH', `/Users/${bjensen.id}`, tokenA, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'displayName', value: 'Babs Jensen' },
        { op: 'add', path: `${ENTERPRISE}:department`, value: 'Engineering/Platform' },
        { op: 'add', path: `${ENTERPRISE}:manager`, value: { value: a.people['lead@a.example']!.id } },
        { op: 'replace', path: 'timezone', value: 'Europe/Berlin' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      displayName: 'Babs Jensen',
      timezone: 'Europe/Berlin',
      [ENTERPRISE]: { department: 'Engineering/Platform', manager: { value: a.people['lead@a.example']!.id, displayName: 'lead' } },
      groups: [{ display: 'Engineering/Platform' }],
    });
    const person = await withTenant(api.prisma, a.id, (tx) => tx.person.findUnique({ where: { tenantId_id: { tenantId: a.id, id: bjensen.id } }, include: { orgUnit: true } }));
    expect(person).toMatchObject({ displayName: 'Babs Jensen', managerId: a.people['lead@a.example']!.id, timeZone: 'Europe/Berlin' });
    expect(person!.orgUnit.path).toBe('Engineering/Platform');
  });

  it('PUT replaces the User; a manager cycle is refused with the CSV import\'s message and changes nothing', async () => {
    const before = await snapshotA();
    // lead's manager would be bjensen, whose manager is lead.
    const cycle = await scim('PUT', `/Users/${a.people['lead@a.example']!.id}`, tokenA, {
      schemas: [USER, ENTERPRISE], userName: 'lead@a.example', displayName: 'Lead',
      [ENTERPRISE]: { department: 'Engineering', manager: { value: bjensen.id } },
    });
    expectScimError(cycle, 400, 'invalidValue');
    expect(cycle.body.detail).toMatch(/Managers form a cycle/);
    expect(await snapshotA()).toEqual(before);

    const ok = await scim('PUT', `/Users/${a.people['lead@a.example']!.id}`, tokenA, {
      schemas: [USER, ENTERPRISE], userName: 'lead@a.example', displayName: 'Lee Lead', externalId: 'lead-1',
      [ENTERPRISE]: { department: 'Engineering' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ displayName: 'Lee Lead', externalId: 'lead-1', [ENTERPRISE]: { department: 'Engineering' } });
  });

  it('deactivates with PATCH active=false: sessions end and unused pulse links stop working; past answers stay', async () => {
    const person = a.people['lead@a.example']!;
    const session = await signIn(api, 'lead@a.example');
    const link = await makeOpenPulseLink(person.id);
    const before = await withTenant(api.prisma, a.id, (tx) => tx.pulseLink.count({ where: { invitationId: link.invitationId } }));
    expect(before).toBe(1);

    const r = await scim('PATCH', `/Users/${person.id}`, tokenA, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] });
    expect(r.status).toBe(200);
    expect(r.body.active).toBe(false);

    const state = await withTenant(api.prisma, a.id, async (tx) => ({
      person: await tx.person.findUnique({ where: { tenantId_id: { tenantId: a.id, id: person.id } }, select: { active: true } }),
      links: await tx.pulseLink.count({ where: { invitationId: link.invitationId } }),
      invitation: await tx.pulseInvitation.findUnique({ where: { tenantId_id: { tenantId: a.id, id: link.invitationId } }, select: { id: true } }),
      responses: await tx.response.count({ where: { roundId: link.roundId } }),
    }));
    expect(state).toEqual({ person: { active: false }, links: 0, invitation: { id: link.invitationId }, responses: 1 });
    const viewer = await api.gql('{ viewer { email } }', {}, { token: session.token });
    expect(viewer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Azure-style string boolean brings them back.
    const back = await scim('PATCH', `/Users/${person.id}`, tokenA, { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'True' }] });
    expect(back.body.active).toBe(true);
  });

  it('§3.6 DELETE deactivates (never removes) the person; SCIM then answers 404', async () => {
    const r = await scim('DELETE', `/Users/${bjensen.id}`, tokenA);
    expect(r.status).toBe(204);
    expectScimError(await scim('GET', `/Users/${bjensen.id}`, tokenA), 404);
    expectScimError(await scim('PATCH', `/Users/${bjensen.id}`, tokenA, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: true }] }), 404);
    const list = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "bjensen@a.example"')}`, tokenA);
    expect(list.body.totalResults).toBe(0);
    const person = await withTenant(api.prisma, a.id, (tx) => tx.person.findFirst({ where: { email: 'bjensen@a.example' }, select: { id: true, active: true } }));
    expect(person).toEqual({ id: bjensen.id, active: false });

    // Re-provisioning the same userName brings back the same person.
    const again = await scim('POST', '/Users', tokenA, { schemas: [USER], userName: 'bjensen@a.example', displayName: 'Barbara Jensen' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: bjensen.id, active: true });
  });

  it('records every change in the audit log, naming the token', async () => {
    const events = await withTenant(api.prisma, a.id, (tx) => tx.auditEvent.findMany({ where: { action: { startsWith: 'scim.user.' } }, orderBy: { occurredAt: 'asc' } }));
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['scim.user.created', 'scim.user.patched', 'scim.user.replaced', 'scim.user.deleted', 'scim.user.recreated']));
    expect(events.find((e) => (e.details as { deactivated?: boolean }).deactivated)).toBeTruthy();
    for (const e of events) expect(e.details).toMatchObject({ tokenId: expect.any(String), personId: expect.any(String) });

    // Admins read them in the audit log as the identity provider's doing.
    const log = await api.gql<{ auditLog: { items: { action: string; actor: string }[] } }>('{ auditLog(first: 100) { items { action actor } } }', {}, { token: adminA });
    const scimItems = log.data!.auditLog.items.filter((i) => i.action.startsWith('scim.'));
    expect(scimItems.length).toBeGreaterThanOrEqual(5);
    expect(new Set(scimItems.map((i) => i.actor))).toEqual(new Set(['Identity provider (SCIM)']));
    expect(log.data!.auditLog.items.find((i) => i.action === 'identity.scim_token.created')?.actor).toMatch(/admin@a\.example/);
  });
});

describe('Groups are org units', () => {
  it('creates a Group with members, lists it by displayName, and PATCH removes a member to the root', async () => {
    const admin = a.people['admin@a.example']!;
    const created = await scim('POST', '/Groups', tokenA, { schemas: [GROUP], displayName: 'Sales/EMEA', externalId: 'g-1', members: [{ value: admin.id }] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: 'Sales/EMEA', externalId: 'g-1', members: [{ value: admin.id, type: 'User' }] });

    const found = await scim('GET', `/Groups?filter=${encodeURIComponent('displayName eq "Sales/EMEA"')}&excludedAttributes=members`, tokenA);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0]).not.toHaveProperty('members');

    const removed = await scim('PATCH', `/Groups/${created.body.id}`, tokenA, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${admin.id}"]` }] });
    expect(removed.status).toBe(200);
    expect(removed.body.members).toEqual([]);
    const unit = await withTenant(api.prisma, a.id, (tx) => tx.person.findUnique({ where: { tenantId_id: { tenantId: a.id, id: admin.id } }, select: { orgUnit: { select: { path: true } } } }));
    expect(unit!.orgUnit.path).toBe('');

    const rename = await scim('PATCH', `/Groups/${created.body.id}`, tokenA, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'Sales/APAC' }] });
    expectScimError(rename, 400, 'mutability');
    expect((await scim('DELETE', `/Groups/${created.body.id}`, tokenA)).status).toBe(204);
    expectScimError(await scim('GET', `/Groups/${created.body.id}`, tokenA), 404);
  });
});

describe('tenant isolation', () => {
  it('a token from tenant B cannot read, find, change or delete tenant A\'s people', async () => {
    const target = a.people['admin@a.example']!.id;
    const before = await snapshotA();
    expectScimError(await scim('GET', `/Users/${target}`, tokenB), 404);
    const list = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "admin@a.example"')}`, tokenB);
    expect(list.body.totalResults).toBe(0);
    const all = await scim('GET', '/Users', tokenB);
    expect(all.body.Resources.map((u: { userName: string }) => u.userName)).toEqual(['admin@b.example']);
    expectScimError(await scim('PUT', `/Users/${target}`, tokenB, { schemas: [USER], userName: 'admin@a.example', displayName: 'Taken over' }), 404);
    expectScimError(await scim('PATCH', `/Users/${target}`, tokenB, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] }), 404);
    expectScimError(await scim('DELETE', `/Users/${target}`, tokenB), 404);
    // Creating A's email through B makes a person in B only.
    expect((await scim('POST', '/Users', tokenB, { schemas: [USER], userName: 'admin@a.example' })).status).toBe(201);
    expect(await snapshotA()).toEqual(before);
  });

  it('a token whose tenant part is changed to another tenant is refused', async () => {
    const forged = tokenB.replace(/^pws_[0-9a-f]{32}_/, `pws_${a.id.replace(/-/g, '')}_`);
    expectScimError(await scim('GET', '/Users', forged), 401);
    expectScimError(await scim('GET', '/Users', 'not-a-token'), 401);
  });
});

describe('malformed requests', () => {
  const bad: [string, string, string, unknown, string | undefined, string][] = [
    ['invalid JSON', 'POST', '/Users', undefined, '{"schemas": [', 'invalidSyntax'],
    ['no schemas', 'POST', '/Users', { userName: 'x@a.example' }, undefined, 'invalidSyntax'],
    ['an array body', 'POST', '/Users', [{ schemas: [USER], userName: 'x@a.example' }], undefined, 'invalidSyntax'],
    ['userName that is not an email', 'POST', '/Users', { schemas: [USER], userName: 'bjensen' }, undefined, 'invalidValue'],
    ['a non-boolean active', 'POST', '/Users', { schemas: [USER], userName: 'x@a.example', active: 'maybe' }, undefined, 'invalidValue'],
    ['an unknown time zone', 'POST', '/Users', { schemas: [USER], userName: 'x@a.example', timezone: 'Mars/Olympus' }, undefined, 'invalidValue'],
    ['an unknown role', 'POST', '/Users', { schemas: [USER], userName: 'x@a.example', roles: [{ value: 'OWNER' }] }, undefined, 'invalidValue'],
    ['a manager from nowhere', 'POST', '/Users', { schemas: [USER, ENTERPRISE], userName: 'x@a.example', [ENTERPRISE]: { manager: { value: '00000000-0000-4000-8000-000000000000' } } }, undefined, 'invalidValue'],
    ['a bad department path', 'POST', '/Users', { schemas: [USER, ENTERPRISE], userName: 'x@a.example', [ENTERPRISE]: { department: 'Eng//Ops' } }, undefined, 'invalidValue'],
    ['an unsupported filter', 'GET', '/Users?filter=' + encodeURIComponent('userName co "a"'), undefined, undefined, 'invalidFilter'],
    ['a non-integer count', 'GET', '/Users?count=ten', undefined, undefined, 'invalidValue'],
  ];

  it.each(bad)('%s → 400 SCIM error, nothing written', async (_label, method, path, body, raw, scimType) => {
    const before = await snapshotA();
    const r = await scim(method, path, tokenA, body, raw);
    expectScimError(r, 400, scimType);
    expect(await snapshotA()).toEqual(before);
  });

  it('a PATCH with a bad operation or an invalid result is refused whole', async () => {
    const id = a.people['admin@a.example']!.id;
    const before = await snapshotA();
    const cases: [unknown, string][] = [
      [{ schemas: [PATCH_OP], Operations: [{ op: 'rename', path: 'displayName', value: 'x' }] }, 'invalidSyntax'],
      [{ schemas: [PATCH_OP], Operations: [] }, 'invalidSyntax'],
      [{ Operations: [{ op: 'replace', path: 'displayName', value: 'x' }] }, 'invalidSyntax'],
      [{ schemas: [PATCH_OP], Operations: [{ op: 'remove' }] }, 'noTarget'],
      [{ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'emails[type eq "home"]', value: { value: 'x@y.z' } }] }, 'noTarget'],
      [{ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'name..x', value: 1 }] }, 'invalidPath'],
      // The first operation is fine, the second is not: neither is applied.
      [{ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'Changed' }, { op: 'replace', path: 'timezone', value: 'Nowhere/Land' }] }, 'invalidValue'],
    ];
    for (const [body, scimType] of cases) expectScimError(await scim('PATCH', `/Users/${id}`, tokenA, body), 400, scimType);
    expect(await snapshotA()).toEqual(before);
  });
});

describe('tokens', () => {
  it('rotation replaces the secret at once, revocation ends it; neither is stored in clear', async () => {
    const { secret, id } = await createToken(adminA, 'Entra ID');
    expect((await scim('GET', '/ServiceProviderConfig', secret)).body).toMatchObject({ patch: { supported: true }, filter: { supported: true } });
    const rotated = await api.gql<{ rotateScimToken: { secret: string; scimToken: { id: string; name: string } } }>(
      'mutation($id: ID!) { rotateScimToken(id: $id) { secret scimToken { id name } } }', { id }, { token: adminA },
    );
    const fresh = rotated.data!.rotateScimToken;
    expect(fresh.scimToken.name).toBe('Entra ID');
    expectScimError(await scim('GET', '/Users', secret), 401);
    expect((await scim('GET', '/Users', fresh.secret)).status).toBe(200);

    await api.gql('mutation($id: ID!) { revokeScimToken(id: $id) { id revokedAt } }', { id: fresh.scimToken.id }, { token: adminA });
    expectScimError(await scim('GET', '/Users', fresh.secret), 401);

    const stored = await withTenant(api.prisma, a.id, (tx) => tx.scimToken.findMany({ select: { tokenHash: true } }));
    for (const s of stored) {
      expect(s.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect([secret, fresh.secret].some((x) => x.includes(s.tokenHash))).toBe(false);
    }
    const listed = await api.gql<{ scimTokens: { name: string; revokedAt: string | null }[] }>('{ scimTokens { name revokedAt } }', {}, { token: adminA });
    expect(listed.data!.scimTokens.filter((t) => t.name === 'Entra ID').every((t) => t.revokedAt)).toBe(true);
  });

  it('only tenant admins manage tokens', async () => {
    const adminB = await signIn(api, 'admin@b.example');
    expect((await api.gql<{ scimTokens: unknown[] }>('{ scimTokens { id } }', {}, { token: adminB.token })).data?.scimTokens).toHaveLength(1);
    const employee = await createTenant(api.prisma, { slug: 'scim-c', people: [{ email: 'e@c.example', roles: ['EMPLOYEE'] }] });
    const e = await signIn(api, 'e@c.example', undefined, employee.slug);
    const r = await api.gql('mutation { createScimToken(name: "x") { secret } }', {}, { token: e.token });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

/** An open round with one invitation (with a sent link) for the person, and one stored answer in the round. */
async function makeOpenPulseLink(personId: string): Promise<{ invitationId: string; roundId: string }> {
  return withTenant(api.prisma, a.id, async (tx) => {
    const now = Date.now();
    const programme = await tx.pulseProgramme.create({
      data: { tenantId: a.id, name: 'Weekly', cadence: 'WEEKLY', openDays: 3, questionsPerRound: 3, questionKeys: [], startsAt: new Date(now - 86_400_000) },
    });
    const round = await tx.pulseRound.create({
      data: { tenantId: a.id, programmeId: programme.id, sequence: 1, status: 'OPEN', opensAt: new Date(now - 3600_000), closesAt: new Date(now + 86_400_000), anonymityThreshold: 5 },
    });
    const invitation = await tx.pulseInvitation.create({
      data: { tenantId: a.id, roundId: round.id, personId, cellUnitId: a.units['Engineering']!, cellLocation: 'ALL', cellTenure: 'ALL', status: 'SENT' },
    });
    await tx.pulseLink.create({ data: { tenantId: a.id, tokenHash: 'f'.repeat(64), invitationId: invitation.id } });
    await tx.response.create({ data: { tenantId: a.id, id: crypto.randomUUID(), roundId: round.id, cellUnitId: a.units['Engineering']!, cellLocation: 'ALL', cellTenure: 'ALL', answers: {} } });
    return { invitationId: invitation.id, roundId: round.id };
  });
}
