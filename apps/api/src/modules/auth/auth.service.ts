import { Injectable } from '@nestjs/common';
import { withTenant } from '@pulsewise/db';
import { AppConfigService } from '../../common/config/app-config.service.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { DomainError, ErrorCode, unauthenticated } from '../../common/errors/domain-error.js';
import { TenantModel } from '../tenants/models/tenant.model.js';
import { AccessTokens } from './access-token.js';
import { AuthRepository, type AccountMatch } from './auth.repository.js';
import { LoginThrottle } from './login-throttle.js';
import { AuthSessionModel, ViewerModel } from './models/viewer.model.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { formatRefreshToken, hashSecret, newSecret, parseRefreshToken, secretMatches } from './refresh-token.js';
import { InvitationTokens } from './invitation-tokens.js';

export interface IssuedSession {
  session: AuthSessionModel;
  refreshToken: string;
  refreshExpiresAt: Date;
}

const BAD_CREDENTIALS = 'That email and password do not match an account.';

@Injectable()
export class AuthService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repo: AuthRepository,
    private readonly tokens: AccessTokens,
    private readonly throttle: LoginThrottle,
    private readonly invitations: InvitationTokens,
    private readonly config: AppConfigService,
  ) {}

  async signIn(input: { email: string; password: string; organization?: string | undefined }, ip: string): Promise<IssuedSession> {
    const email = input.email.trim().toLowerCase();
    await this.throttle.assertAllowed(email, ip);

    const accounts = await this.repo.findAccounts(this.prisma.client, email);
    const candidates = input.organization ? accounts.filter((a) => a.tenantSlug === input.organization) : accounts;
    // The password is checked before anything about the accounts is revealed, so
    // nobody learns which organisations an email belongs to without knowing it.
    const matching: AccountMatch[] = [];
    for (const account of candidates) {
      const storedHash = await withTenant(this.prisma.client, account.tenantId, (tx) => this.repo.passwordHash(tx, account.tenantId, account.personId));
      if (await verifyPassword(storedHash, input.password)) matching.push(account);
    }
    if (candidates.length === 0) await verifyPassword(null, input.password);
    if (matching.length === 0) {
      await this.throttle.recordFailure(email, ip);
      throw unauthenticated(BAD_CREDENTIALS);
    }
    await this.throttle.recordSuccess(email, ip);
    if (matching.length > 1) {
      throw new DomainError(ErrorCode.TENANT_CHOICE_REQUIRED, 'This email belongs to several organisations. Choose one.', {
        organizations: matching.map((a) => ({ slug: a.tenantSlug, name: a.tenantName })),
      });
    }
    const account = matching[0]!;
    if (account.tenantStatus === 'SUSPENDED') {
      throw new DomainError(ErrorCode.TENANT_SUSPENDED, `${account.tenantName} is suspended. Contact your administrator.`);
    }
    const passwordAllowed = await withTenant(this.prisma.client, account.tenantId, (tx) => this.repo.passwordSignInAllowed(tx, account.tenantId, account.personId));
    if (!passwordAllowed) {
      throw new DomainError(ErrorCode.SSO_REQUIRED, `${account.tenantName} signs in with single sign-on. Use "Sign in with your organisation's SSO".`, { organization: account.tenantSlug });
    }
    return this.startSession(account.tenantId, account.personId);
  }

  async startSession(tenantId: string, personId: string): Promise<IssuedSession> {
    const secret = newSecret();
    const refreshExpiresAt = this.refreshExpiry();
    const { sessionId, viewer } = await withTenant(this.prisma.client, tenantId, async (tx) => {
      const created = await this.repo.createSession(tx, { tenantId, personId, refreshTokenHash: hashSecret(secret), expiresAt: refreshExpiresAt });
      return { sessionId: created.id, viewer: await this.repo.viewer(tx, tenantId, personId) };
    });
    if (!viewer) throw unauthenticated();
    return this.issue(tenantId, personId, sessionId, secret, refreshExpiresAt, viewer);
  }

  async refresh(cookieValue: string | undefined): Promise<IssuedSession> {
    const parsed = parseRefreshToken(cookieValue);
    if (!parsed) throw unauthenticated('Your session has ended. Please sign in again.');
    const { tenantId, sessionId, secret } = parsed;
    const now = new Date();
    const nextSecret = newSecret();
    const refreshExpiresAt = this.refreshExpiry();
    const outcome = await withTenant(this.prisma.client, tenantId, async (tx) => {
      const session = await this.repo.findSession(tx, tenantId, sessionId);
      if (!session || session.revokedAt || session.expiresAt <= now || !session.person.active) return null;
      if (!secretMatches(secret, session.refreshTokenHash)) {
        // An old secret came back: someone else may hold the current one. End the session.
        await this.repo.revokeSession(tx, tenantId, sessionId, now);
        return 'reused' as const;
      }
      await this.repo.rotateSession(tx, tenantId, sessionId, hashSecret(nextSecret), refreshExpiresAt);
      const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { status: true } });
      if (tenant?.status !== 'ACTIVE') return null;
      return { personId: session.personId, viewer: await this.repo.viewer(tx, tenantId, session.personId) };
    });
    if (!outcome || outcome === 'reused' || !outcome.viewer) throw unauthenticated('Your session has ended. Please sign in again.');
    return this.issue(tenantId, outcome.personId, sessionId, nextSecret, refreshExpiresAt, outcome.viewer);
  }

  async signOut(tenantId: string, sessionId: string): Promise<void> {
    await withTenant(this.prisma.client, tenantId, (tx) => this.repo.revokeSession(tx, tenantId, sessionId, new Date()));
  }

  /** Sets the password of an invited person from their single-use link, then signs them in. */
  async acceptInvitation(token: string, password: string): Promise<IssuedSession> {
    const passwordHash = await hashPassword(password);
    const personId = await this.invitations.redeem(token, (tx, invitation) =>
      this.repo.setPassword(tx, invitation.tenantId, invitation.personId, passwordHash).then(() => invitation.personId),
    );
    const tenantId = this.invitations.tenantOf(token)!;
    // An invitation is no way around "SSO only": the password is kept, but signing in goes through SSO.
    const { allowed, viewer } = await withTenant(this.prisma.client, tenantId, async (tx) => ({
      allowed: await this.repo.passwordSignInAllowed(tx, tenantId, personId),
      viewer: await this.repo.viewer(tx, tenantId, personId),
    }));
    if (!allowed) {
      throw new DomainError(ErrorCode.SSO_REQUIRED, `${viewer?.tenant.name ?? 'Your organisation'} signs in with single sign-on. Use "Sign in with your organisation's SSO".`, {
        organization: viewer?.tenant.slug,
      });
    }
    return this.startSession(tenantId, personId);
  }

  private async issue(
    tenantId: string,
    personId: string,
    sessionId: string,
    secret: string,
    refreshExpiresAt: Date,
    viewer: NonNullable<Awaited<ReturnType<AuthRepository['viewer']>>>,
  ): Promise<IssuedSession> {
    const access = await this.tokens.issue({ tenantId, personId, sessionId });
    const session = Object.assign(new AuthSessionModel(), {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      viewer: toViewerModel(viewer),
    });
    return { session, refreshToken: formatRefreshToken(tenantId, sessionId, secret), refreshExpiresAt };
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.config.values.REFRESH_TOKEN_TTL_DAYS * 24 * 3600 * 1000);
  }
}

export function toViewerModel(v: NonNullable<Awaited<ReturnType<AuthRepository['viewer']>>>): ViewerModel {
  return Object.assign(new ViewerModel(), {
    personId: v.id,
    email: v.email,
    displayName: v.displayName,
    roles: v.roles,
    tenant: TenantModel.from(v.tenant),
  });
}
