// The API's JSON log, captured while a person signs in, a pulse is answered and a
// directory is imported through the real app: every request line carries a request id
// and the tenant, and not one secret or answer that travelled in those requests shows up.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createPrismaClient, type Db } from '@pulsewise/db';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { createTenant, PASSWORD, SIGN_IN, type FixtureTenant } from '../../test-support/fixtures.js';
import { openRoundWithLinks } from '../../test-support/pulse-links.js';
import { deleteRedisKeys } from '../../test-support/test-app.js';

const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});

let app: NestExpressApplication;
let db: TestDatabase;
let prisma: Db;
let url: string;
let acme: FixtureTenant;
const redisPrefix = `pwtest:logs:${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  db = await createTestDatabase('logging');
  Object.assign(process.env, { NODE_ENV: 'test', DATABASE_URL: db.appUrl, DATABASE_ADMIN_URL: db.adminUrl, REDIS_PREFIX: redisPrefix, DATABASE_POOL_SIZE: '4', LOG_LEVEL: 'info' });
  const { createApp } = await import('../../bootstrap-app.js');
  app = await createApp({ logStream: capture });
  await app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
  prisma = createPrismaClient(db.appUrl, { poolSize: 2 });
  acme = await createTenant(prisma, {
    slug: 'acme',
    units: ['Team'],
    people: [{ email: 'admin@acme.test', roles: ['EMPLOYEE', 'TENANT_ADMIN'] }, ...Array.from({ length: 5 }, (_, i) => ({ email: `p${i}@acme.test`, roles: ['EMPLOYEE' as const], unit: 'Team' }))],
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
  await db?.drop();
  await deleteRedisKeys(redisPrefix);
});

async function gql(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { body: (await response.json()) as { data?: Record<string, any>; errors?: unknown[] }, headers: response.headers };
}

it('logs request id and tenant on every request line, and none of the secrets or answers', async () => {
  const secrets: string[] = [PASSWORD];

  // Sign-in (password in the variables; access token in the body; refresh token in a cookie).
  const signIn = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'caller-chosen-id-0001' },
    body: JSON.stringify({ query: SIGN_IN, variables: { input: { email: 'admin@acme.test', password: PASSWORD } } }),
  });
  expect(signIn.headers.get('x-request-id')).toBe('caller-chosen-id-0001');
  const signedIn = (await signIn.json()) as { data: { signIn: { accessToken: string } } };
  const accessToken = signedIn.data.signIn.accessToken;
  const refresh = signIn.headers.getSetCookie().find((c) => c.startsWith('pw_refresh='))!.split(';')[0]!;
  secrets.push(accessToken, refresh.split('=')[1]!);

  // A wrong password too (the failure path logs a warning line).
  const wrongPassword = 'not-the-password-9f8e7d';
  secrets.push(wrongPassword);
  await gql(SIGN_IN, { input: { email: 'admin@acme.test', password: wrongPassword } });

  // A pulse answer: the link, the scores' carrier and the comment.
  const people = Object.values(acme.people).filter((p) => p.email.startsWith('p'));
  const round = await openRoundWithLinks(prisma, acme.id, people);
  const token = round.tokens[0]!;
  const comment = 'My manager ignores my weekends 7c1d2e';
  secrets.push(token, token.split('.')[1]!, comment);
  const submitted = await gql(
    'mutation SubmitPulse($token: String!, $answers: [PulseAnswerInput!]!) { submitPulse(token: $token, answers: $answers) { received } }',
    { token, answers: [{ questionId: round.scaleQuestionIds[0], value: 2 }, { questionId: round.scaleQuestionIds[1], value: 5 }, { questionId: round.commentQuestionId, text: comment }] },
    { authorization: 'Bearer not-a-real-token-but-secret-a1b2c3' },
  );
  secrets.push('not-a-real-token-but-secret-a1b2c3');
  expect(submitted.body.data?.submitPulse.received).toBe(true);

  // A directory import (the CSV travels in the variables), with the session cookie sent along.
  const csvRow = 'hidden.person.4242@acme.test,Hidden Person Fourtwo,Sales,,Lisbon,2020-02-02,Europe/Lisbon,';
  secrets.push('hidden.person.4242@acme.test', 'Hidden Person Fourtwo');
  const imported = await gql(
    'mutation ImportDirectory($csv: String!) { importDirectory(csv: $csv) { ok } }',
    { csv: ['email,name,orgUnitPath,managerEmail,location,startDate,timezone,roles', csvRow].join('\n') },
    { authorization: `Bearer ${accessToken}`, cookie: refresh },
  );
  expect(imported.body.data?.importDirectory.ok).toBe(true);

  // A GET with variables in the query string is not logged with them either.
  const getSecret = 'query-string-secret-5e6f';
  secrets.push(getSecret);
  await fetch(`${url}?query=${encodeURIComponent('query Q($t: String!) { pulse(token: $t) { state } }')}&variables=${encodeURIComponent(JSON.stringify({ t: getSecret }))}`, { headers: { 'apollo-require-preflight': '1' } });

  const output = lines.join('\n');
  if (process.env.TEST_LOGS) console.log(output);
  for (const secret of secrets) expect(output).not.toContain(secret);
  expect(output).not.toMatch(/"variables"|"answers"|"csv"|"authorization"|"cookie"/i);

  const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const requestLines = entries.filter((e) => e.reqId !== undefined);
  const completed = requestLines.filter((e) => e.msg === 'request completed' || e.msg === 'request errored');
  expect(completed.length).toBeGreaterThanOrEqual(5);
  for (const line of requestLines) expect(line).toHaveProperty('tenantId');
  for (const line of completed) expect(typeof line.reqId).toBe('string');

  const byOperation = (op: string) => completed.filter((e) => e.operation === op);
  expect(byOperation('mutation.signIn').map((e) => e.tenantId)).toEqual([acme.id, null]);
  expect(byOperation('mutation.signIn')[0]).toMatchObject({ reqId: 'caller-chosen-id-0001', operationName: 'SignIn', req: { method: 'POST', path: '/graphql' } });
  expect(byOperation('mutation.submitPulse')).toEqual([expect.objectContaining({ tenantId: acme.id, operationName: 'SubmitPulse' })]);
  expect(byOperation('mutation.importDirectory')).toEqual([expect.objectContaining({ tenantId: acme.id })]);
  // A generated id when the caller sent none; ids differ per request.
  const ids = completed.map((e) => e.reqId);
  expect(new Set(ids).size).toBe(ids.length);
});
