import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Response } from 'express';
import { AppConfigService } from '../../common/config/app-config.service.js';
import { ALL_ROLES, Public, Roles } from '../../common/auth/roles.decorator.js';
import { CurrentViewer, TenantTx } from '../../common/auth/current.decorators.js';
import { unauthenticated } from '../../common/errors/domain-error.js';
import type { RequestContext, Viewer } from '../../common/graphql/request-context.js';
import type { Tx } from '@pulsewise/db';
import { AuthRepository } from './auth.repository.js';
import { AuthService, toViewerModel, type IssuedSession } from './auth.service.js';
import { AcceptInvitationInput, SignInInput } from './dto/sign-in.input.js';
import { AuthSessionModel, ViewerModel } from './models/viewer.model.js';
import { REFRESH_COOKIE } from './refresh-token.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly repo: AuthRepository,
    private readonly config: AppConfigService,
  ) {}

  @Public()
  @Mutation(() => AuthSessionModel, { description: 'Email + password sign-in. Also sets the httpOnly refresh cookie.' })
  async signIn(@Args('input') input: SignInInput, @Context() ctx: RequestContext): Promise<AuthSessionModel> {
    const issued = await this.auth.signIn(input, ctx.req.ip ?? 'unknown');
    return this.withCookie(ctx.res, issued);
  }

  @Public()
  @Mutation(() => AuthSessionModel, { description: 'A new access token from the refresh cookie; the cookie rotates.' })
  async refreshSession(@Context() ctx: RequestContext): Promise<AuthSessionModel> {
    const cookies = (ctx.req as { cookies?: Record<string, string> }).cookies ?? {};
    try {
      return this.withCookie(ctx.res, await this.auth.refresh(cookies[REFRESH_COOKIE]));
    } catch (error) {
      this.clearCookie(ctx.res);
      throw error;
    }
  }

  @Public()
  @Mutation(() => AuthSessionModel, { description: 'Sets a password from a single-use invitation link and signs in.' })
  async acceptInvitation(@Args('input') input: AcceptInvitationInput, @Context() ctx: RequestContext): Promise<AuthSessionModel> {
    return this.withCookie(ctx.res, await this.auth.acceptInvitation(input.token, input.password));
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Boolean, { description: 'Ends this session everywhere: its refresh token stops working and access tokens are refused.' })
  async signOut(@CurrentViewer() viewer: Viewer, @Context() ctx: RequestContext): Promise<boolean> {
    await this.auth.signOut(viewer.tenantId, viewer.sessionId);
    this.clearCookie(ctx.res);
    return true;
  }

  @Roles(...ALL_ROLES)
  @Query(() => ViewerModel)
  async viewer(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx): Promise<ViewerModel> {
    const row = await this.repo.viewer(tx, viewer.tenantId, viewer.personId);
    if (!row) throw unauthenticated();
    return toViewerModel(row);
  }

  private withCookie(res: Response, issued: IssuedSession): AuthSessionModel {
    res.cookie(REFRESH_COOKIE, issued.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.values.NODE_ENV === 'production',
      path: '/graphql',
      expires: issued.refreshExpiresAt,
    });
    return issued.session;
  }

  private clearCookie(res: Response): void {
    res.clearCookie(REFRESH_COOKIE, { path: '/graphql' });
  }
}
