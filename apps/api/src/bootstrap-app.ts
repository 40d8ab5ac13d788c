import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { AppModule } from './app.module.js';
import { AppConfigService } from './common/config/app-config.service.js';

/** Builds the HTTP app (shared by main.ts and the integration tests). */
export async function createApp(options: { logger?: false } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    ...(options.logger === false ? { logger: false } : {}),
  });
  const config = app.get(AppConfigService).values;
  // CSV imports travel in the GraphQL body; everything else is small.
  app.useBodyParser('json', { limit: '12mb' });
  app.use(cookieParser());
  app.set('trust proxy', 'loopback');
  app.enableCors({ origin: config.WEB_ORIGIN.split(',').map((o) => o.trim()), credentials: true });
  app.enableShutdownHooks();
  return app;
}
