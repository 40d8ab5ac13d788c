// Tenant administration of identity: the SSO settings (client secret sealed with
// AES-256-GCM, never returned) and SCIM tokens (shown once, only a hash kept).
import { Injectable } from '@nestjs/common';
import type { Tx } from '@pulsewise/db';
import { recordAudit } from '../../common/audit/audit-log.js';
import { AppConfigService } from '../../common/config/app-config.service.js';
import { badInput, notFound } from '../../common/errors/domain-error.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import type { SsoConfigurationInput } from './dto/identity.inputs.js';
import { IdentityRepository } from './identity.repository.js';
import { CreatedScimTokenModel, ScimTokenModel, SsoConfigurationModel, SsoSettingsModel } from './models/identity.models.js';
import { OidcLoginService } from './oidc/oidc-login.service.js';
import { newScimToken } from './scim/scim-tokens.js';
import { SecretBox } from './secret-box.js';

@Injectable()
export class IdentityService {
  private readonly box: SecretBox;

  constructor(
    private readonly repo: IdentityRepository,
    private readonly oidc: OidcLoginService,
    private readonly config: AppConfigService,
  ) {
    this.box = new SecretBox(config.values.SECRETS_KEY);
  }

  async ssoSettings(tx: Tx, viewer: Viewer): Promise<SsoSettingsModel> {
    const row = await this.repo.ssoConfig(tx, viewer.tenantId);
    return Object.assign(new SsoSettingsModel(), { configuration: row ? this.toModel(row) : null, redirectUri: this.oidc.redirectUri });
  }

  async saveSsoConfiguration(tx: Tx, viewer: Viewer, input: SsoConfigurationInput): Promise<SsoConfigurationModel> {
    const issuer = this.checkIssuer(input.issuer);
    const clientId = input.clientId.trim();
    const existing = await this.repo.ssoConfig(tx, viewer.tenantId);
    let secret = input.clientSecret;
    if (secret === undefined) {
      // Keeping the stored secret is only possible while the client stays the same.
      if (!existing || existing.issuer !== issuer || existing.clientId !== clientId) throw badInput('Enter the client secret');
      secret = this.box.open(existing.clientSecretEnc, viewer.tenantId) ?? undefined;
      if (secret === undefined) throw badInput('The stored client secret can no longer be read; enter it again');
    }
    const allowedDomains = [...new Set(input.allowedDomains.map((d) => d.trim().toLowerCase()))].sort();
    if (input.enabled) {
      // Prove the settings work before anyone depends on them: the provider must answer discovery.
      try {
        await this.oidc.discover(issuer, clientId, secret);
      } catch (error) {
        throw badInput(`The identity provider at ${issuer} did not answer OpenID discovery: ${(error as Error).message}`);
      }
    }
    const row = await this.repo.saveSsoConfig(tx, viewer.tenantId, {
      issuer, clientId, clientSecretEnc: this.box.seal(secret, viewer.tenantId), allowedDomains, enabled: input.enabled, passwordSignIn: input.passwordSignInEnabled,
    });
    await recordAudit(tx, viewer, 'identity.sso.configured', {
      issuer, clientId, allowedDomains, enabled: input.enabled, passwordSignInEnabled: input.passwordSignInEnabled, secretChanged: input.clientSecret !== undefined,
    });
    return this.toModel(row);
  }

  async deleteSsoConfiguration(tx: Tx, viewer: Viewer): Promise<boolean> {
    const { count } = await this.repo.deleteSsoConfig(tx, viewer.tenantId);
    if (count) await recordAudit(tx, viewer, 'identity.sso.removed', {});
    return count > 0;
  }

  async scimTokens(tx: Tx): Promise<ScimTokenModel[]> {
    return (await this.repo.scimTokens(tx)).map((t) => Object.assign(new ScimTokenModel(), t));
  }

  async createScimToken(tx: Tx, viewer: Viewer, name: string): Promise<CreatedScimTokenModel> {
    const clean = name.trim();
    if (clean.length < 2 || clean.length > 80) throw badInput('name must be 2 to 80 characters');
    const { secret, hash } = newScimToken(viewer.tenantId);
    const token = await this.repo.createScimToken(tx, { tenantId: viewer.tenantId, name: clean, tokenHash: hash, createdBy: viewer.personId });
    await recordAudit(tx, viewer, 'identity.scim_token.created', { tokenId: token.id, name: clean });
    return this.created(token, secret);
  }

  /** A new secret under the same name; the old one stops working at once. */
  async rotateScimToken(tx: Tx, viewer: Viewer, id: string): Promise<CreatedScimTokenModel> {
    const old = await this.repo.scimToken(tx, viewer.tenantId, id);
    if (!old) throw notFound('SCIM token');
    if (old.revokedAt) throw badInput('This token is revoked; create a new one');
    await this.repo.revokeScimToken(tx, viewer.tenantId, id, new Date());
    const { secret, hash } = newScimToken(viewer.tenantId);
    const token = await this.repo.createScimToken(tx, { tenantId: viewer.tenantId, name: old.name, tokenHash: hash, createdBy: viewer.personId });
    await recordAudit(tx, viewer, 'identity.scim_token.rotated', { previousTokenId: id, tokenId: token.id, name: old.name });
    return this.created(token, secret);
  }

  async revokeScimToken(tx: Tx, viewer: Viewer, id: string): Promise<ScimTokenModel> {
    const existing = await this.repo.scimToken(tx, viewer.tenantId, id);
    if (!existing) throw notFound('SCIM token');
    const token = existing.revokedAt ? existing : await this.repo.revokeScimToken(tx, viewer.tenantId, id, new Date());
    if (!existing.revokedAt) await recordAudit(tx, viewer, 'identity.scim_token.revoked', { tokenId: id, name: existing.name });
    return Object.assign(new ScimTokenModel(), token);
  }

  private created(token: Awaited<ReturnType<IdentityRepository['createScimToken']>>, secret: string): CreatedScimTokenModel {
    return Object.assign(new CreatedScimTokenModel(), {
      scimToken: Object.assign(new ScimTokenModel(), token),
      secret,
      endpoint: `${this.config.values.PUBLIC_WEB_URL.replace(/\/$/, '')}/scim/v2`,
    });
  }

  private checkIssuer(raw: string): string {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      throw badInput('issuer must be a URL, e.g. https://login.example.com');
    }
    const httpAllowed = this.config.values.NODE_ENV !== 'production';
    if (url.protocol !== 'https:' && !(httpAllowed && url.protocol === 'http:')) throw badInput('issuer must be an https URL');
    if (url.search || url.hash || url.username || url.password) throw badInput('issuer must not have a query, fragment or credentials');
    return raw.trim(); // as typed: the provider's issuer identifier is compared exactly
  }

  private toModel(row: NonNullable<Awaited<ReturnType<IdentityRepository['ssoConfig']>>>): SsoConfigurationModel {
    return Object.assign(new SsoConfigurationModel(), {
      issuer: row.issuer,
      clientId: row.clientId,
      clientSecretSet: row.clientSecretEnc.length > 0,
      allowedDomains: row.allowedDomains,
      enabled: row.enabled,
      passwordSignInEnabled: row.passwordSignIn,
      updatedAt: row.updatedAt,
    });
  }
}
