import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { createPrismaClientWithPool, redact, type Db, type PgPool } from '@pulsewise/db';
import { AppConfigService } from '../config/app-config.service.js';

/** The process's single Prisma client. Fails start-up when the database is unreachable. */
@Injectable()
export class PrismaService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PrismaService.name);
  readonly client: Db;
  /**
   * The node-postgres pool under `client` (the same connections). Only for a hot path whose
   * round trips Prisma's interactive transactions cannot cut (submitPulse: see
   * PulseRepository.submitTransaction); everything else goes through `client`.
   */
  readonly pool: PgPool;

  constructor(config: AppConfigService) {
    ({ client: this.client, pool: this.pool } = createPrismaClientWithPool(config.values.DATABASE_URL, { poolSize: config.values.DATABASE_POOL_SIZE, connectTimeoutMs: config.values.DATABASE_CONNECT_TIMEOUT_MS }));
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
