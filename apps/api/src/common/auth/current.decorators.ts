import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Tx } from '@pulsewise/db';
import type { RequestContext, Viewer } from '../graphql/request-context.js';
import { unauthenticated } from '../errors/domain-error.js';

export function requestContext(context: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(context).getContext<RequestContext>();
}

/** The signed-in caller (only on resolvers guarded by @Roles). */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer => {
  const viewer = requestContext(context).viewer;
  if (!viewer) throw unauthenticated();
  return viewer;
});

/** The request's tenant-scoped transaction, already opened by the auth guard. */
export const TenantTx = createParamDecorator((_data: unknown, context: ExecutionContext): Tx => {
  const ctx = requestContext(context);
  if (!ctx.viewer || !ctx.tx) throw unauthenticated();
  return ctx.tx;
});
