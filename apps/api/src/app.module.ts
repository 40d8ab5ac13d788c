import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ConfigModule } from './common/config/config.module.js';
import { AppConfigService } from './common/config/app-config.service.js';
import { DatabaseModule } from './common/database/database.module.js';
import { PrismaService } from './common/database/prisma.service.js';
import { RequestTransaction, requestTransactionPlugin } from './common/database/request-transaction.js';
import { DomainExceptionFilter } from './common/errors/domain-exception.filter.js';
import { noStorePlugin } from './common/graphql/no-store.plugin.js';
import { requestGuardsPlugin } from './common/graphql/request-guards.plugin.js';
import { LoggingModule } from './common/logging/logging.module.js';
import { loggingPlugin } from './common/logging/logging.plugin.js';
import { graphqlMetricsPlugin } from './common/metrics/graphql-metrics.plugin.js';
import { MetricsModule } from './common/metrics/metrics.module.js';
import { MetricsService } from './common/metrics/metrics.service.js';
import { TracingModule } from './common/tracing/tracing.js';
import { formatGraphqlError } from './common/errors/format-graphql-error.js';
import type { RequestContext } from './common/graphql/request-context.js';
import { QueuesModule } from './common/queues/queues.module.js';
import { RedisModule } from './common/redis/redis.module.js';
import { RateLimitModule } from './common/rate-limit/rate-limit.module.js';
import { AlignmentModule } from './modules/alignment/alignment.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { DirectoryModule } from './modules/directory/directory.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { IdentityModule } from './modules/identity/identity.module.js';
import { KpisModule } from './modules/kpis/kpis.module.js';
import { OpsModule } from './modules/ops/ops.module.js';
import { ReleasesModule } from './modules/releases/releases.module.js';
import { ResponsesModule } from './modules/responses/responses.module.js';
import { SignalsModule } from './modules/signals/signals.module.js';
import { SurveysModule } from './modules/surveys/surveys.module.js';
import { TenantsModule } from './modules/tenants/tenants.module.js';

/**
 * Abuse limits on every operation (GraphQL Armor): depth, cost, aliases,
 * directives and tokens. The web app's deepest query is 5 levels; the limits
 * leave room for it and refuse what no client of ours would send.
 */
export function graphqlArmor(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: 10 },
    costLimit: { maxCost: 5000 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    maxTokens: { enabled: false }, // applied by requestGuardsPlugin (see there)
    // Field suggestions ("did you mean …") describe the schema; outside production they help developers.
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

/** Where the generated schema is written; tests compare it with the committed apps/api/schema.gql. */
export const SCHEMA_FILE_ENV = 'GRAPHQL_SCHEMA_FILE';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    MetricsModule,
    TracingModule,
    DatabaseModule,
    RedisModule,
    RateLimitModule,
    QueuesModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [PrismaService, AppConfigService, MetricsService],
      useFactory: (prisma: PrismaService, config: AppConfigService, metrics: MetricsService) => {
        const armor = graphqlArmor(config.values.NODE_ENV === 'production');
        return {
          autoSchemaFile: process.env[SCHEMA_FILE_ENV] ?? true,
          sortSchema: true,
          path: '/graphql',
          playground: false,
          introspection: config.values.NODE_ENV !== 'production',
          csrfPrevention: true,
          includeStacktraceInErrorResponse: false,
          context: ({ req, res }: Pick<RequestContext, 'req' | 'res'>): RequestContext => ({ req, res, requestTx: new RequestTransaction(prisma.client) }),
          // No cache hints here: Apollo's per-field cache-control plugin is off, `no-store` set whole (no-store.plugin.ts).
          plugins: [ApolloServerPluginCacheControlDisabled(), noStorePlugin(), loggingPlugin(), graphqlMetricsPlugin(metrics), requestGuardsPlugin(), ...armor.plugins, requestTransactionPlugin()] as ApolloDriverConfig['plugins'],
          validationRules: armor.validationRules,
          allowBatchedHttpRequests: false,
          formatError: formatGraphqlError,
        };
      },
    }),
    AuthModule,
    AuditModule,
    TenantsModule,
    DirectoryModule,
    SurveysModule,
    ResponsesModule,
    ReleasesModule,
    SignalsModule,
    KpisModule,
    AlignmentModule,
    IdentityModule,
    HealthModule,
    OpsModule,
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
