// The pulse page never promises more than a release will do: people directly in a unit
// that has sub-units, when fewer than k of them were invited (the CEO and an admin, a
// division head), are counted in no result (packages/privacy residuals.ts) — and their
// pulse says so instead of listing groups their answers would count in.
import { createTenant, type FixtureTenant } from '../src/test-support/fixtures.js';
import { openRoundWithLinks, type OpenRound } from '../src/test-support/pulse-links.js';
import { startTestApp, type TestApp } from '../src/test-support/test-app.js';

const FORM = 'query($token: String!) { pulse(token: $token) { state countsIn notCountedReason } }';
type Form = { pulse: { state: string; countsIn: string[]; notCountedReason: string | null } };

let api: TestApp;
let acme: FixtureTenant;
let round: OpenRound;

beforeAll(async () => {
  api = await startTestApp('pulse-not-counted');
  acme = await createTenant(api.prisma, {
    slug: 'acme',
    units: ['Team'],
    people: [
      { email: 'ceo@acme.test', roles: ['EMPLOYEE'] },
      { email: 'admin@acme.test', roles: ['EMPLOYEE', 'TENANT_ADMIN'] },
      ...Array.from({ length: 6 }, (_, i) => ({ email: `p${i}@acme.test`, roles: ['EMPLOYEE' as const], unit: 'Team' })),
    ],
  });
  round = await openRoundWithLinks(api.prisma, acme.id, Object.values(acme.people));
}, 60_000);

afterAll(() => api?.close());

const tokenOf = (email: string) => round.tokens[Object.values(acme.people).findIndex((p) => p.email === email)]!;

it('tells the two people directly above the team that their answers count in no result', async () => {
  const form = await api.gql<Form>(FORM, { token: tokenOf('ceo@acme.test') });
  expect(form.errors).toBeUndefined();
  expect(form.data!.pulse.countsIn).toEqual([]);
  expect(form.data!.pulse.notCountedReason).toMatch(/^Fewer than 5 people sit directly in ACME \(above its teams\)\..*not counted in any result/);
});

it('lists where a team member’s answers count, with no such warning', async () => {
  const form = await api.gql<Form>(FORM, { token: tokenOf('p0@acme.test') });
  expect(form.errors).toBeUndefined();
  expect(form.data!.pulse).toEqual({ state: 'OPEN', countsIn: ['ACME (whole organisation)', 'Team'], notCountedReason: null });
});
