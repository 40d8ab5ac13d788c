// What a request's log lines may say about it: its id, the tenant it acted for and the
// operation's name. Nothing else about the request is ever logged — no body (answers,
// comments, CSV files, passwords, GraphQL variables), no headers (cookies, tokens), no
// query string (a GET /graphql could carry variables there).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';

export interface RequestLogContext {
  reqId: string;
  tenantId: string | null;
  /** `<type>.<root field>` (bounded: the root field exists in the schema), e.g. `mutation.submitPulse`. */
  operation?: string;
  /** The client's operation name, when it is a plain identifier. */
  operationName?: string;
}

export const logContextStorage = new AsyncLocalStorage<RequestLogContext>();

const CONTEXT = Symbol('pulsewise.logContext');
type WithContext = IncomingMessage & { [CONTEXT]?: RequestLogContext };

export function attachLogContext(req: IncomingMessage, context: RequestLogContext): void {
  (req as WithContext)[CONTEXT] = context;
}

export function logContextOf(req: IncomingMessage): RequestLogContext | undefined {
  return (req as WithContext)[CONTEXT];
}

/** Request ids we accept from a caller (a proxy or the web app); anything else gets a fresh one. */
export const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
