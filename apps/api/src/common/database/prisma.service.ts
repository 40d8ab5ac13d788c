import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { createPrismaClient, redact, type Db } from '@pulsewise/db';
import { AppConfigService } from '../config/app-config.service.js';

/** The process's single Prisma client. Fails start-up when the database is unreachable. */
@Injectable()
export class PrismaService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PrismaService.name);
  readonly client: Db;

  constructor(config: AppConfigService) {
    this.client = createPrismaClient(config.values.DATABASE_URL, { poolSize: config.values.DATABASE_POOL_SIZE, connectTimeoutMs: config.values.DATABASE_CONNECT_TIMEOUT_MS });
    this.url = config.values.DATABASE_URL;
  }
  private readonly url: string;

  async onModuleInit(): Promise<void> {
    try {
      await this.client.$connect();
      await this.client.$queryRaw`SELECT 1`;
    } catch (error) {
      throw new Error(`Cannot reach PostgreSQL at ${redact(this.url)}: ${(error as Error).message}`);
    }
    this.logger.log('Connected to PostgreSQL');
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.$disconnect();
  }
}
