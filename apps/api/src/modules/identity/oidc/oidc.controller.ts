// Browser endpoints of SSO, under /api so the web app's origin proxies them (the
// refresh cookie it sets is then first-party, exactly as after a password sign-in):
//   GET /api/auth/oidc/start?organization=<slug, email domain or email>&returnTo=/path
//   GET /api/auth/oidc/callback   (the redirect URI registered at the identity provider)
// Both answer with redirects; a refusal lands on the sign-in page with ?sso_error=<reason>.
import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../../common/auth/roles.decorator.js';
import { AppConfigService } from '../../../common/config/app-config.service.js';
import { REFRESH_COOKIE } from '../../auth/refresh-token.js';
import { OidcLoginService, SsoRefused } from './oidc-login.service.js';

export const OIDC_STATE_COOKIE = 'pw_oidc_state';
const COOKIE_PATH = '/api/auth/oidc';

@Public()
@Controller('api/auth/oidc')
export class OidcController {
  private readonly logger = new Logger(OidcController.name);

  constructor(
    private readonly oidc: OidcLoginService,
    private readonly config: AppConfigService,
  ) {}

  @Get('start')
  async start(@Req() req: Request, @Res() res: Response): Promise<void> {
    const organization = typeof req.query.organization === 'string' ? req.query.organization : '';
    try {
      const { url, state } = await this.oidc.start(organization, req.query.returnTo);
      // Lax, not strict: the provider's redirect back is a cross-site navigation and must carry it.
      res.cookie(OIDC_STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: COOKIE_PATH, maxAge: 600_000 });
      res.redirect(302, url);
    } catch (error) {
      this.refuse(res, error);
    }
  }

  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const cookies = (req as { cookies?: Record<string, string> }).cookies ?? {};
    res.clearCookie(OIDC_STATE_COOKIE, { path: COOKIE_PATH });
    try {
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
      const { issued, returnTo } = await this.oidc.complete(query, cookies[OIDC_STATE_COOKIE]);
      // The same refresh cookie a password sign-in sets; the web app trades it for an access token.
      res.cookie(REFRESH_COOKIE, issued.refreshToken, { httpOnly: true, sameSite: 'strict', secure: this.secure, path: '/graphql', expires: issued.refreshExpiresAt });
      res.redirect(302, `${this.webUrl}/sso/complete?returnTo=${encodeURIComponent(returnTo)}`);
    } catch (error) {
      this.refuse(res, error);
    }
  }

  private refuse(res: Response, error: unknown): void {
    const reason = error instanceof SsoRefused ? error.reason : 'PROVIDER_UNAVAILABLE';
    if (!(error instanceof SsoRefused)) this.logger.error(`SSO failed: ${(error as Error).message}`);
    res.redirect(302, `${this.webUrl}/sign-in?sso_error=${reason}`);
  }

  private get webUrl(): string {
    return this.config.values.PUBLIC_WEB_URL.replace(/\/$/, '');
  }

  private get secure(): boolean {
    return this.config.values.NODE_ENV === 'production';
  }
}
