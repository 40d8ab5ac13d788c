import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ConfigModule } from './common/config/config.module.js';
import { AppConfigService } from './common/config/app-config.service.js';
import { DatabaseModule } from './common/database/database.module.js';
import { PrismaService } from './common/database/prisma.service.js';
import { RequestTransaction, requestTransactionPlugin } from './common/database/request-transaction.js';
import { DomainExceptionFilter } from './common/errors/domain-exception.filter.js';
import { formatGraphqlError } from './common/errors/format-graphql-error.js';
import type { RequestContext } from './common/graphql/request-context.js';
import { QueuesModule } from './common/queues/queues.module.js';
import { RedisModule } from './common/redis/redis.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { DirectoryModule } from './modules/directory/directory.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { ResponsesModule } from './modules/responses/responses.module.js';
import { SurveysModule } from './modules/surveys/surveys.module.js';
import { TenantsModule } from './modules/tenants/tenants.module.js';

/** Where the generated schema is written; tests compare it with the committed apps/api/schema.gql. */
export const SCHEMA_FILE_ENV = 'GRAPHQL_SCHEMA_FILE';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    RedisModule,
    QueuesModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [PrismaService, AppConfigService],
      useFactory: (prisma: PrismaService, config: AppConfigService) => ({
        autoSchemaFile: process.env[SCHEMA_FILE_ENV] ?? true,
        sortSchema: true,
        path: '/graphql',
        playground: false,
        introspection: config.values.NODE_ENV !== 'production',
        csrfPrevention: true,
        includeStacktraceInErrorResponse: false,
        context: ({ req, res }: Pick<RequestContext, 'req' | 'res'>): RequestContext => ({ req, res, requestTx: new RequestTransaction(prisma.client) }),
        plugins: [requestTransactionPlugin()],
        formatError: formatGraphqlError,
      }),
    }),
    AuthModule,
    TenantsModule,
    DirectoryModule,
    SurveysModule,
    ResponsesModule,
    HealthModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: DomainExceptionFilter },
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
    },
  ],
})
export class AppModule {}
