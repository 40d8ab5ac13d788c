// Requirement: a person deactivated by the identity provider stops receiving pulses
// at once. With the real worker (in this process, fixed clock inside working
// hours), real Redis and a real SMTP server: after a SCIM PATCH active=false, the
// invitation and the reminder already queued for that person send nothing, while
// a colleague's invitation in the same round goes out.
import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import { Queue, QueueEvents } from 'bullmq';
import { withTenant } from '@pulsewise/db';
import { JobName, QueueName, redisConnection } from '@pulsewise/jobs';
import { createTenant, signIn, type FixtureTenant } from '../src/test-support/fixtures.js';
import { SmtpSink } from '../src/test-support/smtp-sink.js';
import { startTestApp, type TestApp } from '../src/test-support/test-app.js';
import { Clock } from '../../worker/src/common/clock.js';
import { WorkerModule } from '../../worker/src/worker.module.js';

const NOW = new Date('2026-11-23T10:00:00Z'); // a Monday, 10:00 UTC: inside everyone's working hours
class FixedClock extends Clock {
  override now(): Date {
    return NOW;
  }
}

let api: TestApp;
let worker: TestingModule;
let t: FixtureTenant;
const smtp = new SmtpSink();
const redis = redisConnection('redis://127.0.0.1:6379');

beforeAll(async () => {
  await smtp.start();
  api = await startTestApp('scimdeact', { SMTP_URL: smtp.url, PUBLIC_WEB_URL: 'http://web.test' });
  t = await createTenant(api.prisma, {
    slug: 'deact',
    people: [
      { email: 'admin@deact.test', roles: ['TENANT_ADMIN', 'EMPLOYEE'] },
      { email: 'stays@deact.test', roles: ['EMPLOYEE'] },
      { email: 'leaves@deact.test', roles: ['EMPLOYEE'] },
    ],
  });
  worker = await Test.createTestingModule({ imports: [WorkerModule] }).overrideProvider(Clock).useValue(new FixedClock()).compile();
  if (!process.env.TEST_LOGS) worker.useLogger(false);
  await worker.init();
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await api?.close();
  await smtp.stop();
});

it('sends nothing to a person deactivated over SCIM, from the very next job', async () => {
  const admin = await signIn(api, 'admin@deact.test');
  const created = await api.gql<{ createScimToken: { secret: string } }>('mutation { createScimToken(name: "IdP") { secret } }', {}, { token: admin.token });
  const scimToken = created.data!.createScimToken.secret;

  const invitations = await withTenant(api.prisma, t.id, async (tx) => {
    const programme = await tx.pulseProgramme.create({
      data: { tenantId: t.id, name: 'Weekly', cadence: 'WEEKLY', openDays: 3, questionsPerRound: 3, questionKeys: [], startsAt: new Date(NOW.getTime() - 86_400_000) },
    });
    const round = await tx.pulseRound.create({
      data: { tenantId: t.id, programmeId: programme.id, sequence: 1, status: 'OPEN', opensAt: new Date(NOW.getTime() - 3600_000), closesAt: new Date(NOW.getTime() + 3 * 86_400_000), anonymityThreshold: 5 },
    });
    const out: Record<string, string> = {};
    for (const email of ['stays@deact.test', 'leaves@deact.test']) {
      const inv = await tx.pulseInvitation.create({
        data: { tenantId: t.id, roundId: round.id, personId: t.people[email]!.id, cellUnitId: t.rootUnitId, cellLocation: 'ALL', cellTenure: 'ALL', status: 'SCHEDULED', sendAt: NOW },
      });
      out[email] = inv.id;
    }
    return out;
  });

  const leaves = t.people['leaves@deact.test']!.id;
  const patched = await fetch(`${api.url.replace(/\/graphql$/, '')}/scim/v2/Users/${leaves}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${scimToken}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] }),
  });
  expect(patched.status).toBe(200);

  const queue = new Queue(QueueName.SURVEYS, { connection: redis, prefix: api.redisPrefix });
  const events = new QueueEvents(QueueName.SURVEYS, { connection: redis, prefix: api.redisPrefix });
  try {
    await events.waitUntilReady();
    const run = async (name: string, data: Record<string, unknown>, id: string) => (await queue.add(name, data, { jobId: id })).waitUntilFinished(events, 30_000);
    const stays = await run(JobName.SEND_INVITATION, { tenantId: t.id, invitationId: invitations['stays@deact.test'] }, 'test-invite-stays');
    const gone = await run(JobName.SEND_INVITATION, { tenantId: t.id, invitationId: invitations['leaves@deact.test'] }, 'test-invite-leaves');
    const reminder = await run(JobName.SEND_REMINDER, { tenantId: t.id, invitationId: invitations['leaves@deact.test'], reminder: 1 }, 'test-remind-leaves');
    expect({ stays, gone, reminder }).toEqual({ stays: 'sent', gone: 'not-needed', reminder: 'not-needed' });
  } finally {
    await events.close();
    await queue.close();
  }

  await smtp.waitFor((m) => m.some((x) => x.to === 'stays@deact.test'));
  expect(smtp.to('leaves@deact.test')).toEqual([]);
  const state = await withTenant(api.prisma, t.id, async (tx) => ({
    status: (await tx.pulseInvitation.findUnique({ where: { tenantId_id: { tenantId: t.id, id: invitations['leaves@deact.test']! } } }))!.status,
    links: await tx.pulseLink.count({ where: { invitationId: invitations['leaves@deact.test'] } }),
  }));
  expect(state).toEqual({ status: 'SCHEDULED', links: 0 });
});
