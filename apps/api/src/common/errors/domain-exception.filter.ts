// Turns Nest's HTTP-flavoured exceptions (validation pipe, guards) into domain
// errors so the formatter sees one kind of thing. Everything else passes through
// untouched and is reported as an internal error by the formatter.
import { BadRequestException, Catch, ForbiddenException, HttpException, UnauthorizedException } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError, ErrorCode } from './domain-error.js';

@Catch()
export class DomainExceptionFilter implements GqlExceptionFilter {
  catch(exception: unknown): unknown {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof BadRequestException) {
      const response = exception.getResponse() as { message?: string | string[] };
      const problems = Array.isArray(response.message) ? response.message : [response.message ?? 'Invalid input'];
      return new DomainError(ErrorCode.BAD_USER_INPUT, problems.join('; '), { problems });
    }
    if (exception instanceof UnauthorizedException) return new DomainError(ErrorCode.UNAUTHENTICATED, 'Please sign in');
    if (exception instanceof ForbiddenException) return new DomainError(ErrorCode.FORBIDDEN, 'You do not have access to this');
    if (exception instanceof HttpException && exception.getStatus() === 429) {
      return new DomainError(ErrorCode.TOO_MANY_REQUESTS, 'Too many requests, please slow down');
    }
    return exception;
  }
}
