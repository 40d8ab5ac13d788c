// One database transaction per GraphQL request, scoped to the caller's tenant.
// It opens lazily on the first query (the guard's session check), every resolver
// of the request shares it, and the Apollo plugin below commits it before the
// response is sent — or rolls it back when the operation produced errors.
import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { setTenant, type Db, type Tx } from '@pulsewise/db';
import { DomainError, ErrorCode } from '../errors/domain-error.js';

class Rollback extends Error {}

const logger = new Logger('RequestTransaction');

export class RequestTransaction {
  private opened?: { tenantId: string | null; tx: Promise<Tx>; finish: (commit: boolean) => void; done: Promise<void>; began: boolean };

  private readonly onCommit: (() => Promise<unknown>)[] = [];

  constructor(private readonly db: Db) {}

  /**
   * Work that must only happen once the request's writes are durable — enqueueing
   * jobs, scheduling. Never enqueue inside the transaction: a rollback could not take it back.
   */
  afterCommit(fn: () => Promise<unknown>): void {
    this.onCommit.push(fn);
  }

  get tenantId(): string | null | undefined {
    return this.opened?.tenantId;
  }

  /** The request's transaction, scoped to `tenantId` (null: no tenant, so RLS shows nothing). */
  async get(tenantId: string | null): Promise<Tx> {
    if (this.opened) {
      if (this.opened.tenantId !== tenantId) throw new Error('A request transaction cannot change tenant');
      return this.opened.tx;
    }
    let resolveTx!: (tx: Tx) => void;
    let finish!: (commit: boolean) => void;
    const ready = new Promise<Tx>((resolve) => (resolveTx = resolve));
    const decided = new Promise<boolean>((resolve) => (finish = resolve));
    const done = this.db
      .$transaction(
        async (tx) => {
          if (tenantId) await setTenant(tx, tenantId);
          if (this.opened) this.opened.began = true;
          resolveTx(tx);
          if (!(await decided)) throw new Rollback();
        },
        { maxWait: 5_000, timeout: 30_000 },
      )
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    this.opened = { tenantId, tx: Promise.race([ready, done.then(() => Promise.reject(new Error('transaction closed')))]), finish, done, began: false };
    try {
      return await this.opened.tx;
    } catch {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is not answering right now. Please try again shortly.');
    }
  }

  async end(commit: boolean): Promise<void> {
    if (this.opened) {
      this.opened.finish(commit);
      // A transaction that could not even begin (database unreachable) was already
      // reported to the resolvers as SERVICE_UNAVAILABLE; there is nothing to end.
      const began = this.opened.began;
      await this.opened.done.catch((error: unknown) => {
        if (began) throw error;
      });
    }
    if (!commit) return;
    for (const fn of this.onCommit) {
      await fn().catch((error: unknown) => logger.error(`after-commit step failed: ${(error as Error).message}`));
    }
  }
}

export interface TransactionalContext {
  requestTx: RequestTransaction;
}

export function requestTransactionPlugin(): ApolloServerPlugin<TransactionalContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, errors, response }) {
          const failed = Boolean(errors?.length) || (response.body.kind === 'single' && Boolean(response.body.singleResult.errors?.length));
          await contextValue.requestTx.end(!failed);
        },
      };
    },
  };
}
