// GraphQL operation latency and errors by operation and code (an Apollo plugin).
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '../errors/domain-error.js';
import { rootField } from '../logging/logging.plugin.js';
import type { MetricsService } from './metrics.service.js';

const KNOWN_CODES = new Set<string>([...Object.values(ErrorCode), 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

export function errorCode(error: GraphQLError): string {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return original.code;
  const code = error.extensions?.code;
  if (typeof code === 'string') return KNOWN_CODES.has(code) ? code : 'OTHER';
  return ErrorCode.INTERNAL_SERVER_ERROR;
}

export function graphqlMetricsPlugin(metrics: MetricsService): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const end = metrics.graphqlDuration.startTimer();
      let operation = 'unknown';
      return {
        async didResolveOperation({ operation: op }) {
          const field = rootField(op);
          if (op && field) operation = `${op.operation}.${field}`;
        },
        async willSendResponse({ errors, response }) {
          const all = [...(errors ?? [])];
          if (!all.length && response.body.kind === 'single') {
            // Errors already formatted into the body (none expected here, but count them if so).
            for (const e of response.body.singleResult.errors ?? []) metrics.graphqlErrors.inc({ operation, code: typeof e.extensions?.code === 'string' && KNOWN_CODES.has(e.extensions.code) ? e.extensions.code : 'OTHER' });
          }
          for (const error of all) metrics.graphqlErrors.inc({ operation, code: errorCode(error) });
          end({ operation, outcome: all.length ? 'error' : 'ok' });
        },
      };
    },
  };
}
