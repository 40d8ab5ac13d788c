// Personal-success statements: the employee, their manager, HR and another
// employee each see exactly what they should — and nothing is shared by default.
import { withTenant } from '@pulsewise/db';
import { createTenant, signIn, type FixtureTenant } from '../../test-support/fixtures.js';
import { committedSchema, rootOperations } from '../../test-support/schema-operations.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

let api: TestApp;
let t: FixtureTenant;
const token: Record<string, string> = {};
const Q = '2026-Q3';

const MINE = 'query($quarter: String) { mySuccessAlignment(quarter: $quarter) { quarter mine shared fromManagers { authorName statements } } }';
const SAVE_MINE = 'mutation($input: SaveMySuccessStatementsInput!) { saveMySuccessStatements(input: $input) { mine shared } }';
const SHARE = 'mutation($input: ShareMySuccessStatementsInput!) { shareMySuccessStatements(input: $input) { shared } }';
const REPORT = 'query($personId: ID!, $quarter: String) { reportSuccessAlignment(personId: $personId, quarter: $quarter) { personId displayName mine theirs } }';
const REPORTS = 'query($quarter: String) { myReportsSuccessAlignment(quarter: $quarter) { personId mine theirs } }';
const SAVE_FOR = 'mutation($input: SaveReportSuccessStatementsInput!) { saveReportSuccessStatements(input: $input) { mine theirs } }';

const EMP_SECRET = 'Ship the robot-arm calibration tool without weekend work';
const OTHER_SECRET = 'Move to the firmware team by spring';

beforeAll(async () => {
  api = await startTestApp('alignment');
  t = await createTenant(api.prisma, {
    slug: 'align',
    units: ['Team', 'People'],
    people: [
      { email: 'admin@align.test', roles: ['EMPLOYEE', 'TENANT_ADMIN'] },
      { email: 'hr@align.test', roles: ['EMPLOYEE', 'HR_LEADER', 'MANAGER'], unit: 'People' },
      { email: 'hrreport@align.test', roles: ['EMPLOYEE'], unit: 'People', managerEmail: 'hr@align.test' },
      { email: 'mgr@align.test', roles: ['EMPLOYEE', 'MANAGER'], unit: 'Team' },
      { email: 'emp@align.test', roles: ['EMPLOYEE'], unit: 'Team', managerEmail: 'mgr@align.test' },
      { email: 'other@align.test', roles: ['EMPLOYEE'], unit: 'Team', managerEmail: 'mgr@align.test' },
    ],
  });
  for (const who of ['admin', 'hr', 'mgr', 'emp', 'other']) token[who] = (await signIn(api, `${who}@align.test`)).token;
});
afterAll(() => api?.close());

const emp = () => t.people['emp@align.test']!.id;
const other = () => t.people['other@align.test']!.id;

it('keeps an employee\'s statements private by default: the manager sees nothing of them', async () => {
  const saved = await api.gql(SAVE_MINE, { input: { quarter: Q, statements: [EMP_SECRET, '  Mentor one new hire  '] } }, { token: token.emp });
  expect(saved.data).toEqual({ saveMySuccessStatements: { mine: [EMP_SECRET, 'Mentor one new hire'], shared: false } });
  await api.gql(SAVE_MINE, { input: { quarter: Q, statements: [OTHER_SECRET] } }, { token: token.other });

  const view = await api.gql<{ reportSuccessAlignment: { theirs: string[] | null; mine: string[] } }>(REPORT, { personId: emp(), quarter: Q }, { token: token.mgr });
  expect(view.data?.reportSuccessAlignment).toMatchObject({ displayName: 'emp', mine: [], theirs: null });
  const list = await api.gql<{ myReportsSuccessAlignment: { personId: string; theirs: string[] | null }[] }>(REPORTS, { quarter: Q }, { token: token.mgr });
  expect(list.data?.myReportsSuccessAlignment.map((r) => r.theirs)).toEqual([null, null]);
  expect(JSON.stringify([view, list])).not.toContain('robot-arm');
});

it('shows the employee both sides, and the manager the employee\'s own only once shared (and not after unsharing)', async () => {
  const wrote = await api.gql(SAVE_FOR, { input: { personId: emp(), quarter: Q, statements: ['Own the calibration tool end to end'] } }, { token: token.mgr });
  expect(wrote.errors).toBeUndefined();
  const mine = await api.gql(MINE, { quarter: Q }, { token: token.emp });
  expect(mine.data).toEqual({
    mySuccessAlignment: { quarter: Q, mine: [EMP_SECRET, 'Mentor one new hire'], shared: false, fromManagers: [{ authorName: 'mgr', statements: ['Own the calibration tool end to end'] }] },
  });

  const share = await api.gql(SHARE, { input: { quarter: Q, shared: true } }, { token: token.emp });
  expect(share.data).toEqual({ shareMySuccessStatements: { shared: true } });
  const shared = await api.gql<{ reportSuccessAlignment: { theirs: string[] | null; mine: string[] } }>(REPORT, { personId: emp(), quarter: Q }, { token: token.mgr });
  expect(shared.data?.reportSuccessAlignment).toMatchObject({ mine: ['Own the calibration tool end to end'], theirs: [EMP_SECRET, 'Mentor one new hire'] });
  // The other report did not share: still nothing of theirs.
  const otherView = await api.gql<{ reportSuccessAlignment: { theirs: string[] | null } }>(REPORT, { personId: other(), quarter: Q }, { token: token.mgr });
  expect(otherView.data?.reportSuccessAlignment.theirs).toBeNull();

  await api.gql(SHARE, { input: { quarter: Q, shared: false } }, { token: token.emp });
  const unshared = await api.gql<{ reportSuccessAlignment: { theirs: string[] | null } }>(REPORT, { personId: emp(), quarter: Q }, { token: token.mgr });
  expect(unshared.data?.reportSuccessAlignment.theirs).toBeNull();
  // Sharing is per quarter: another quarter has nothing to share.
  const empty = await api.gql(SHARE, { input: { quarter: '2026-Q4', shared: true } }, { token: token.emp });
  expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

it('gives HR, admins and other employees no statement of anyone else, even once shared', async () => {
  await api.gql(SHARE, { input: { quarter: Q, shared: true } }, { token: token.emp });
  // HR is also a manager (of someone else): the relationship decides, not the role.
  const hr = await api.gql(REPORT, { personId: emp(), quarter: Q }, { token: token.hr });
  expect(hr.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  const hrWrite = await api.gql(SAVE_FOR, { input: { personId: emp(), quarter: Q, statements: ['x'] } }, { token: token.hr });
  expect(hrWrite.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  const hrReports = await api.gql<{ myReportsSuccessAlignment: { personId: string }[] }>(REPORTS, { quarter: Q }, { token: token.hr });
  expect(hrReports.data?.myReportsSuccessAlignment.map((r) => r.personId)).toEqual([t.people['hrreport@align.test']!.id]);
  const admin = await api.gql(REPORT, { personId: emp(), quarter: Q }, { token: token.admin });
  expect(admin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const colleague = await api.gql(REPORT, { personId: emp(), quarter: Q }, { token: token.other });
  expect(colleague.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const colleagueOwn = await api.gql(MINE, { quarter: Q }, { token: token.other });
  expect(colleagueOwn.data).toEqual({ mySuccessAlignment: { quarter: Q, mine: [OTHER_SECRET], shared: false, fromManagers: [] } });

  // Every query in the schema, called by HR, an admin and a colleague with the employee's id: the statements appear in none.
  const queries = rootOperations(committedSchema(), () => emp()).filter((op) => op.kind === 'query');
  expect(queries.map((q) => q.field)).toEqual(expect.arrayContaining(['mySuccessAlignment', 'reportSuccessAlignment', 'myReportsSuccessAlignment']));
  for (const who of ['hr', 'admin', 'other']) {
    for (const op of queries) {
      const r = await api.gql(op.document, { ...op.variables, quarter: Q }, { token: token[who] });
      expect({ who, op: op.field, leaked: JSON.stringify(r).includes('robot-arm') }).toEqual({ who, op: op.field, leaked: false });
    }
  }
  // The check can fail: the manager's own view does contain them.
  const manager = await api.gql(REPORT, { personId: emp(), quarter: Q }, { token: token.mgr });
  expect(JSON.stringify(manager)).toContain('robot-arm');
});

it('stores only the person\'s own statements as shareable (the database refuses anything else)', async () => {
  await expect(
    withTenant(api.prisma, t.id, (tx) => tx.successStatement.updateMany({ where: { authorPersonId: t.people['mgr@align.test']!.id }, data: { shared: true } })),
  ).rejects.toThrow();
});
