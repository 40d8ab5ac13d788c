// The worker's own metrics server: refused without the token; shows queue depth per
// queue and state, and how long jobs took by queue, job and outcome.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { createQueue, enqueue, JobName, QueueName, redisConnection } from '@pulsewise/jobs';
import { WorkerMetrics } from './worker-metrics.js';
import { deleteRedisKeys } from '../../test/support/redis-keys.js';

const TOKEN = 'worker-metrics-token-0123456789';
const prefix = `pwtest:wmetrics:${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let worker: TestingModule;
let url: string;

beforeAll(async () => {
  db = await createTestDatabase('workermetrics');
  Object.assign(process.env, { NODE_ENV: 'test', DATABASE_URL: db.appUrl, DATABASE_ADMIN_URL: db.adminUrl, REDIS_PREFIX: prefix, METRICS_TOKEN: TOKEN, WORKER_METRICS_PORT: '0', SMTP_URL: 'smtp://127.0.0.1:1' });
  const { WorkerModule } = await import('../worker.module.js');
  worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  if (!process.env.TEST_LOGS) worker.useLogger(false);
  await worker.init();
  url = `http://127.0.0.1:${worker.get(WorkerMetrics).port}/metrics`;
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await db?.drop();
  await deleteRedisKeys(prefix);
});

it('refuses a scrape without the token', async () => {
  expect((await fetch(url)).status).toBe(401);
  expect((await fetch(url, { headers: { authorization: 'Bearer nope-nope-nope-nope' } })).status).toBe(401);
});

it('reports queue depth per queue and job durations', async () => {
  const email = createQueue(QueueName.EMAIL, redisConnection('redis://127.0.0.1:6379'), prefix);
  const responses = createQueue(QueueName.RESPONSES, redisConnection('redis://127.0.0.1:6379'), prefix);
  try {
    await enqueue(email, JobName.SEND_EMAIL, { to: 'later@acme.test', subject: 'Later', text: 'Not yet' }, { delay: 3_600_000 });
    await enqueue(email, JobName.SEND_EMAIL, { to: 'later2@acme.test', subject: 'Later', text: 'Not yet' }, { delay: 3_600_000 });
    await enqueue(responses, JobName.FLUSH_RESPONSES, { tenantId: '00000000-0000-4000-8000-000000000001', roundId: '00000000-0000-4000-8000-000000000002' });

    let body = '';
    const deadline = Date.now() + 20_000;
    while (!/pulsewise_job_duration_seconds_count\{[^}]*job="responses\.flush"/.test(body)) {
      if (Date.now() > deadline) throw new Error(`no job duration recorded:\n${body}`);
      await new Promise((r) => setTimeout(r, 200));
      const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      body = await response.text();
    }
    const sample = (name: string, labels: string) => {
      const line = body.split('\n').find((l) => l.startsWith(`${name}{`) && labels.split(',').every((label) => l.includes(label)));
      return line === undefined ? undefined : Number(line.split(' ').at(-1));
    };
    expect(sample('pulsewise_queue_jobs', 'queue="email",state="delayed"')).toBe(2);
    expect(sample('pulsewise_queue_jobs', 'queue="email",state="waiting"')).toBe(0);
    expect(sample('pulsewise_queue_jobs', 'queue="surveys",state="failed"')).toBe(0);
    expect(sample('pulsewise_job_duration_seconds_count', 'queue="responses",job="responses.flush",outcome="completed"')).toBe(1);
    expect(sample('pulsewise_job_duration_seconds_count', 'job="send-email"')).toBeUndefined();
    // Nothing from a payload becomes a label.
    expect(body).not.toContain('later@acme.test');
  } finally {
    await email.close();
    await responses.close();
  }
});
