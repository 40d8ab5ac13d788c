// With a token for tenant A, every operation that takes an id is called with
// tenant B's ids (every kind: tenant, org unit, person). Each must answer
// NOT_FOUND or FORBIDDEN and leak nothing of B. The list of operations comes from
// the committed schema, so a new field is covered the day it lands.
import { createTenant, signIn, type FixtureTenant } from '../../test-support/fixtures.js';
import { committedSchema, rootOperations } from '../../test-support/schema-operations.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

let api: TestApp;
let a: FixtureTenant;
let b: FixtureTenant;

beforeAll(async () => {
  api = await startTestApp('xtenant');
  const spec = (slug: string) => ({
    slug,
    name: `${slug.toUpperCase()} Corp`,
    units: ['Sales', 'Sales/North'],
    people: [
      { email: `admin@${slug}.test`, roles: ['EMPLOYEE', 'TENANT_ADMIN', 'HR_LEADER', 'MANAGER'] as const },
      { email: `person@${slug}.test`, roles: ['EMPLOYEE'] as const, unit: 'Sales/North' },
    ].map((p) => ({ ...p, roles: [...p.roles] })),
  });
  a = await createTenant(api.prisma, spec('alpha'));
  b = await createTenant(api.prisma, spec('bravo'));
});
afterAll(() => api?.close());

function bIds(): string[] {
  return [b.id, ...Object.values(b.units), ...Object.values(b.people).map((p) => p.id)];
}

function leaksB(body: unknown): string[] {
  const text = JSON.stringify(body);
  return [b.name, b.slug + '.test', ...bIds()].filter((needle) => text.includes(needle));
}

it('answers NOT_FOUND or FORBIDDEN to every id-taking operation called with another tenant\'s ids', async () => {
  const { token } = await signIn(api, 'admin@alpha.test');
  const withIds = rootOperations(committedSchema()).filter((op) => op.idPaths.length > 0);
  expect(withIds.map((op) => op.field)).toEqual(expect.arrayContaining(['orgUnit', 'person', 'people', 'suspendTenant', 'reactivateTenant', 'inviteTenantAdmin']));

  for (const op of withIds) {
    for (const foreignId of bIds()) {
      const variables = structuredClone(op.variables);
      for (const p of op.idPaths) setPath(variables, p, foreignId);
      const r = await api.gql(op.document, variables, { token });
      const code = r.errors?.[0]?.extensions?.code;
      expect({ op: op.field, code: code === 'NOT_FOUND' || code === 'FORBIDDEN' ? 'refused' : code, data: r.data ?? null }).toEqual({ op: op.field, code: 'refused', data: null });
      // The error may echo the id we sent in its path, never any other B data.
      expect({ op: op.field, leaks: leaksB({ data: r.data, messages: r.errors?.map((e) => e.message) }).filter((x) => x !== foreignId) }).toEqual({ op: op.field, leaks: [] });
    }
  }
});

it('shows only the caller\'s own tenant in every list', async () => {
  const { token } = await signIn(api, 'admin@alpha.test');
  const r = await api.gql('{ viewer { tenant { id name } } tenant { id name } orgUnits { id path } people(first: 200) { totalCount items { id email } } tenantPolicy { anonymityThreshold } }', {}, { token });
  expect(r.errors).toBeUndefined();
  expect(leaksB(r.data)).toEqual([]);
  expect(JSON.stringify(r.data)).toContain(a.id);
});

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
}
