// The last line of defence for error output: every error leaves with a stable
// code and a message meant for people; nothing internal (stack, SQL, class
// names) ever reaches a client. Unknown errors are logged here with their stack.
import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from './domain-error.js';
import { isServiceUnavailable } from './unavailable.js';

const logger = new Logger('GraphQL');

// Codes graphql-js / Apollo give malformed requests (parse, validation, variable
// coercion); those errors are GraphQLErrors whose messages describe the request only.
const REQUEST_ERROR_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
]);

export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = { locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return { message: original.message, ...where, extensions: { ...(original.details ?? {}), code: original.code } };
  }
  const code = formatted.extensions?.code;
  if (original instanceof GraphQLError && typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { message: formatted.message, ...where, extensions: { code } };
  }
  if (isServiceUnavailable(original)) {
    logger.warn(`dependency unavailable: ${original instanceof Error ? original.message.split('\n')[0] : String(original)}`);
    return { message: 'The service is briefly unavailable (a database or cache is not answering). Please try again shortly.', path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    message: 'Something went wrong on our side. Please try again in a moment.',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
