// OIDC sign-in per tenant: authorization code flow with PKCE, state and nonce
// (openid-client). The login's state lives in Redis for ten minutes, is single-use,
// and is bound to the browser that started it by an httpOnly cookie. The identity
// provider only vouches for an email: the person must already be in the tenant's
// directory — nobody is created by signing in.
import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { withTenant } from '@pulsewise/db';
import type { Redis } from 'ioredis';
import * as client from 'openid-client';
import { AppConfigService } from '../../../common/config/app-config.service.js';
import { PrismaService } from '../../../common/database/prisma.service.js';
import { REDIS } from '../../../common/redis/redis.module.js';
import { AuthService, type IssuedSession } from '../../auth/auth.service.js';
import { IdentityRepository } from '../identity.repository.js';
import { SecretBox } from '../secret-box.js';

const STATE_TTL_SECONDS = 600;
const CONFIG_CACHE_MS = 10 * 60 * 1000;

/** Why an SSO sign-in was refused; the web app turns each into a sentence. Stable: clients switch on them. */
export type SsoFailure =
  | 'SSO_NOT_CONFIGURED'
  | 'SSO_AMBIGUOUS'
  | 'INVALID_STATE'
  | 'PROVIDER_ERROR'
  | 'PROVIDER_UNAVAILABLE'
  | 'TOKEN_REJECTED'
  | 'EMAIL_MISSING'
  | 'EMAIL_NOT_VERIFIED'
  | 'DOMAIN_NOT_ALLOWED'
  | 'NOT_IN_DIRECTORY'
  | 'TENANT_SUSPENDED';

export class SsoRefused extends Error {
  constructor(readonly reason: SsoFailure, detail?: string) {
    super(detail ?? reason);
  }
}

interface PendingLogin {
  tenantId: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

export function safeReturnTo(value: unknown): string {
  // Only paths of this app: never another origin ("//evil", "/\evil", "https://…").
  if (typeof value !== 'string' || value.length > 500 || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return value;
}

/** The tenant-lookup key from what a person typed: a slug, an email domain, or a whole email. */
export function ssoLookupKey(input: string): string {
  const v = input.trim().toLowerCase();
  return v.includes('@') ? v.slice(v.lastIndexOf('@') + 1) : v;
}

@Injectable()
export class OidcLoginService {
  private readonly logger = new Logger(OidcLoginService.name);
  private readonly box: SecretBox;
  private readonly configs = new Map<string, { key: string; config: Promise<client.Configuration>; expires: number }>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly repo: IdentityRepository,
    private readonly auth: AuthService,
    private readonly appConfig: AppConfigService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.box = new SecretBox(appConfig.values.SECRETS_KEY);
  }

  get redirectUri(): string {
    return `${this.appConfig.values.PUBLIC_WEB_URL.replace(/\/$/, '')}/api/auth/oidc/callback`;
  }

  /** Where to send the browser to sign in, and the state to bind to it with a cookie. */
  async start(organization: string, returnTo: unknown): Promise<{ url: string; state: string }> {
    const key = ssoLookupKey(organization);
    if (!key || key.length > 253) throw new SsoRefused('SSO_NOT_CONFIGURED');
    const tenants = await this.repo.findSsoTenant(this.prisma.client, key);
    if (tenants.length === 0) throw new SsoRefused('SSO_NOT_CONFIGURED');
    if (tenants.length > 1) throw new SsoRefused('SSO_AMBIGUOUS');
    const tenantId = tenants[0]!.tenantId;
    const config = await this.configuration(tenantId);

    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const pending: PendingLogin = { tenantId, codeVerifier, nonce, returnTo: safeReturnTo(returnTo) };
    await this.redis.set(this.stateKey(state), JSON.stringify(pending), 'EX', STATE_TTL_SECONDS);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...(organization.includes('@') ? { login_hint: organization.trim().toLowerCase() } : {}),
    });
    return { url: url.href, state };
  }

  /**
   * Completes the flow: the state must match the browser's cookie and a pending login
   * (used once), the code is exchanged with the PKCE verifier, the ID token is
   * checked (signature, issuer, audience, expiry, nonce), and its email must belong to
   * an active person of the tenant. Then the same session as a password sign-in starts.
   */
  async complete(callbackQuery: string, cookieState: string | undefined): Promise<{ issued: IssuedSession; returnTo: string }> {
    const params = new URLSearchParams(callbackQuery);
    const state = params.get('state');
    if (!state || !cookieState || !sameString(state, cookieState)) throw new SsoRefused('INVALID_STATE', 'state does not match this browser');
    const raw = await this.redis.getdel(this.stateKey(state));
    if (!raw) throw new SsoRefused('INVALID_STATE', 'no pending sign-in for this state (expired or used)');
    const pending = JSON.parse(raw) as PendingLogin;
    if (params.get('error')) throw new SsoRefused('PROVIDER_ERROR', `${params.get('error')}: ${params.get('error_description') ?? ''}`);

    const config = await this.configuration(pending.tenantId);
    const { allowedDomains } = (await withTenant(this.prisma.client, pending.tenantId, (tx) => this.repo.ssoConfig(tx, pending.tenantId)))!;
    let email: string | undefined;
    try {
      const currentUrl = new URL(this.redirectUri);
      currentUrl.search = params.toString();
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      let source: Record<string, unknown> = claims;
      if (typeof claims.email !== 'string') {
        // Providers that keep the ID token lean give the email at the userinfo endpoint.
        source = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      }
      if (typeof source.email !== 'string') throw new SsoRefused('EMAIL_MISSING');
      if (source.email_verified === false) throw new SsoRefused('EMAIL_NOT_VERIFIED');
      email = source.email.trim().toLowerCase();
    } catch (error) {
      if (error instanceof SsoRefused) throw error;
      this.logger.warn(`OIDC sign-in rejected for tenant ${pending.tenantId}: ${(error as Error).message}`);
      throw new SsoRefused('TOKEN_REJECTED', (error as Error).message);
    }
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (allowedDomains.length && !allowedDomains.includes(domain)) throw new SsoRefused('DOMAIN_NOT_ALLOWED');

    const found = await withTenant(this.prisma.client, pending.tenantId, async (tx) => ({
      tenant: await this.repo.tenant(tx, pending.tenantId),
      person: await this.repo.activePersonByEmail(tx, email!),
    }));
    if (found.tenant?.status !== 'ACTIVE') throw new SsoRefused('TENANT_SUSPENDED');
    if (!found.person) throw new SsoRefused('NOT_IN_DIRECTORY');
    return { issued: await this.auth.startSession(pending.tenantId, found.person.id), returnTo: pending.returnTo };
  }

  /** Discovery and the client, cached per tenant until its settings change. */
  async configuration(tenantId: string): Promise<client.Configuration> {
    const stored = await withTenant(this.prisma.client, tenantId, (tx) => this.repo.ssoConfig(tx, tenantId));
    if (!stored || !stored.enabled) throw new SsoRefused('SSO_NOT_CONFIGURED');
    const key = `${stored.issuer}|${stored.clientId}|${stored.clientSecretEnc}`;
    const cached = this.configs.get(tenantId);
    if (cached && cached.key === key && cached.expires > Date.now()) return cached.config;
    const secret = this.box.open(stored.clientSecretEnc, tenantId);
    if (secret === null) {
      this.logger.error(`SSO client secret of tenant ${tenantId} cannot be decrypted (SECRETS_KEY changed?)`);
      throw new SsoRefused('PROVIDER_UNAVAILABLE');
    }
    const config = this.discover(stored.issuer, stored.clientId, secret);
    this.configs.set(tenantId, { key, config, expires: Date.now() + CONFIG_CACHE_MS });
    try {
      return await config;
    } catch (error) {
      this.configs.delete(tenantId);
      this.logger.warn(`OIDC discovery failed for tenant ${tenantId}: ${(error as Error).message}`);
      throw new SsoRefused('PROVIDER_UNAVAILABLE');
    }
  }

  discover(issuer: string, clientId: string, clientSecret: string): Promise<client.Configuration> {
    const url = new URL(issuer);
    // Plain http issuers exist only on developer machines and in tests.
    const insecure = url.protocol === 'http:' && this.appConfig.values.NODE_ENV !== 'production';
    return client.discovery(url, clientId, { client_secret: clientSecret }, client.ClientSecretBasic(clientSecret), {
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      timeout: 10,
    });
  }

  private stateKey(state: string): string {
    return `${this.appConfig.values.REDIS_PREFIX}:oidc:state:${createHash('sha256').update(state).digest('hex')}`;
  }
}

function sameString(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return x.equals(y);
}
