// Deny by default: a resolver runs only if it is marked @Public() or the caller
// holds one of its @Roles(). The caller is identified from the access token and
// then checked against the live session, person and tenant rows, inside the
// request's tenant-scoped transaction (which this guard opens).
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@pulsewise/db';
import { AccessTokens } from '../../modules/auth/access-token.js';
import { DomainError, ErrorCode, forbidden, unauthenticated } from '../errors/domain-error.js';
import type { RequestContext, Viewer } from '../graphql/request-context.js';
import { requestContext } from './current.decorators.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles?.length) throw forbidden('This operation is not available');

    const ctx = requestContext(context);
    const viewer = ctx.viewer ?? (await this.identify(ctx));
    const allowed = roles.some((role) => (role === 'PLATFORM_ADMIN' ? viewer.isPlatformAdmin : viewer.roles.includes(role)));
    if (!allowed) throw forbidden();
    return true;
  }

  private async identify(ctx: RequestContext): Promise<Viewer> {
    const header = ctx.req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) throw unauthenticated();
    const claims = await this.tokens.verify(token);
    if (!claims) throw unauthenticated('Your session has expired. Please sign in again.');

    const tx = await ctx.requestTx.get(claims.tenantId);
    const session = await tx.session.findUnique({
      where: { tenantId_id: { tenantId: claims.tenantId, id: claims.sessionId } },
      select: {
        revokedAt: true,
        personId: true,
        person: { select: { roles: true, active: true } },
        tenant: { select: { status: true, kind: true } },
      },
    });
    if (!session || session.revokedAt || session.personId !== claims.personId || !session.person.active) {
      throw unauthenticated('Your session has ended. Please sign in again.');
    }
    if (session.tenant.status === 'SUSPENDED') {
      throw new DomainError(ErrorCode.TENANT_SUSPENDED, 'This organisation is suspended. Contact your administrator.');
    }
    const viewer: Viewer = {
      personId: claims.personId,
      tenantId: claims.tenantId,
      sessionId: claims.sessionId,
      roles: session.person.roles,
      isPlatformAdmin: session.tenant.kind === 'PLATFORM' && session.person.roles.includes('PLATFORM_ADMIN'),
    };
    ctx.viewer = viewer;
    ctx.tx = tx;
    return viewer;
  }
}
