import type { Request, Response } from 'express';
import type { Role, Tx } from '@pulsewise/db';
import type { RequestTransaction } from '../database/request-transaction.js';

/** Who is calling, resolved by the auth guard from the access token and the live session row. */
export interface Viewer {
  personId: string;
  tenantId: string;
  sessionId: string;
  roles: Role[];
  isPlatformAdmin: boolean;
}

export interface RequestContext {
  req: Request;
  res: Response;
  requestTx: RequestTransaction;
  viewer?: Viewer;
  /** The request's transaction scoped to the viewer's tenant, set by the auth guard. */
  tx?: Tx;
}
