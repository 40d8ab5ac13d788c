// The worker against real Redis and a real SMTP server running in this process.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { createQueue, enqueue, JobName, QueueName, redisConnection } from '@pulsewise/jobs';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { createTestDatabase, type TestDatabase } from '@pulsewise/db/testing';
import { deleteRedisKeys } from '../test/support/redis-keys.js';

const prefix = `pwtest:worker:${randomBytes(4).toString('hex')}`;
const received: { to: string; subject: string; text: string }[] = [];
let smtp: SMTPServer;
let app: INestApplicationContext;
let db: TestDatabase;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({ to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text ?? '', subject: mail.subject ?? '', text: mail.text ?? '' });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  db = await createTestDatabase('worker');
  Object.assign(process.env, { REDIS_PREFIX: prefix, SMTP_URL: `smtp://127.0.0.1:${port}`, DATABASE_URL: db.appUrl, DATABASE_ADMIN_URL: db.adminUrl });
  const { WorkerModule } = await import('./worker.module.js');
  app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await app.init();
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await deleteRedisKeys(prefix);
});

it('delivers a queued email over SMTP and removes the completed job', async () => {
  const queue = createQueue(QueueName.EMAIL, redisConnection('redis://127.0.0.1:6379'), prefix);
  const events = new QueueEvents(QueueName.EMAIL, { connection: redisConnection('redis://127.0.0.1:6379'), prefix });
  await events.waitUntilReady();
  const done = new Promise<string>((resolve) => events.once('completed', ({ jobId }) => resolve(jobId)));
  await enqueue(queue, JobName.SEND_EMAIL, { to: 'ana@example.test', subject: 'Hello', text: 'A link: https://x.test/#token=abc' });
  await done;
  expect(received).toEqual([{ to: 'ana@example.test', subject: 'Hello', text: 'A link: https://x.test/#token=abc\n' }]);
  expect(await queue.getJobCounts('completed', 'waiting', 'active')).toEqual({ completed: 0, waiting: 0, active: 0 });
  await events.close();
  await queue.close();
});

it('fails a malformed job at once instead of retrying it', async () => {
  const queue = createQueue(QueueName.EMAIL, redisConnection('redis://127.0.0.1:6379'), prefix);
  const events = new QueueEvents(QueueName.EMAIL, { connection: redisConnection('redis://127.0.0.1:6379'), prefix });
  await events.waitUntilReady();
  const failed = new Promise<string>((resolve) => events.once('failed', ({ failedReason }) => resolve(failedReason)));
  await queue.add(JobName.SEND_EMAIL, { to: 'not an address' });
  expect(await failed).toMatch(/Invalid send-email payload: to, subject, text/);
  const [job] = await queue.getJobs(['failed']);
  expect(job?.attemptsMade).toBe(1);
  await events.close();
  await queue.close();
});
