import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@pulsewise/config';
import { createWorkerLogger, PinoNestLogger } from './common/logger.js';
import { QueueRunner } from './common/queue-runner.js';
import { WorkerModule } from './worker.module.js';

const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
app.useLogger(new PinoNestLogger(createWorkerLogger(loadConfig())));
const logger = new Logger('Pulsewise');

// Graceful shutdown: stop taking jobs and let the running ones finish while PostgreSQL and
// Redis are still connected, then close the rest. (Nest's own shutdown hooks would
// disconnect them first, failing the jobs in flight.)
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing running jobs`);
    void app
      .get(QueueRunner)
      .onApplicationShutdown()
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error: Error) => {
          logger.error(`shutdown failed: ${error.message}`);
          process.exit(1);
        },
      );
  });
}
logger.log('Worker started');
