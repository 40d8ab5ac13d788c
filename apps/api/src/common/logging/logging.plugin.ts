// Fills in the request's log context once GraphQL knows it: the operation (type and
// root field, plus the client's name for it when it is a plain identifier) and the
// tenant the request acted for. Variables are read for one thing only — the tenant
// prefix of a pulse link (`<tenantId>.<secret>`) — and never logged themselves.
import type { ApolloServerPlugin } from '@apollo/server';
import { parsePulseToken } from '@pulsewise/jobs';
import { decodeJwt } from 'jose';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '../graphql/request-context.js';
import { logContextOf } from './log-context.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function rootField(operation: OperationDefinitionNode | null | undefined): string | undefined {
  const first = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  return first && first.kind === Kind.FIELD ? first.name.value : undefined;
}

function tenantFromResult(data: unknown): string | undefined {
  // Sign-in style mutations return a fresh access token: its `tid` claim is the tenant (we issued it).
  if (!data || typeof data !== 'object') return undefined;
  for (const value of Object.values(data as Record<string, unknown>)) {
    const token = (value as { accessToken?: unknown } | null)?.accessToken;
    if (typeof token === 'string') {
      try {
        const tid = decodeJwt(token).tid;
        if (typeof tid === 'string') return tid;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function loggingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const context = logContextOf(contextValue.req);
      if (!context) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          const field = rootField(operation);
          if (operation && field) context.operation = `${operation.operation}.${field}`;
          if (operationName && IDENTIFIER.test(operationName)) context.operationName = operationName;
        },
        async willSendResponse({ contextValue: ctx, request, response }) {
          const token = request.variables?.token;
          const data = response.body.kind === 'single' ? response.body.singleResult.data : undefined;
          context.tenantId =
            ctx.viewer?.tenantId ??
            ctx.requestTx.tenantId ??
            (typeof token === 'string' ? parsePulseToken(token)?.tenantId : undefined) ??
            tenantFromResult(data) ??
            null;
        },
      };
    },
  };
}
