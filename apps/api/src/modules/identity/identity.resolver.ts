import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Tx } from '@pulsewise/db';
import { CurrentViewer, TenantTx } from '../../common/auth/current.decorators.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import { SsoConfigurationInput } from './dto/identity.inputs.js';
import { IdentityService } from './identity.service.js';
import { CreatedScimTokenModel, ScimTokenModel, SsoConfigurationModel, SsoSettingsModel } from './models/identity.models.js';

const uuid = new ParseUUIDPipe();

@Resolver()
export class IdentityResolver {
  constructor(private readonly identity: IdentityService) {}

  @Roles('TENANT_ADMIN')
  @Query(() => SsoSettingsModel, { description: 'OIDC single sign-on of this organisation, and the redirect URI to register for it.' })
  ssoSettings(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx): Promise<SsoSettingsModel> {
    return this.identity.ssoSettings(tx, viewer);
  }

  @Roles('TENANT_ADMIN')
  @Mutation(() => SsoConfigurationModel, { description: 'Sets up or changes SSO. With enabled: true the provider must answer OpenID discovery first.' })
  saveSsoConfiguration(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('input') input: SsoConfigurationInput): Promise<SsoConfigurationModel> {
    return this.identity.saveSsoConfiguration(tx, viewer, input);
  }

  @Roles('TENANT_ADMIN')
  @Mutation(() => Boolean, { description: 'Removes SSO; password sign-in is then the only way in.' })
  deleteSsoConfiguration(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx): Promise<boolean> {
    return this.identity.deleteSsoConfiguration(tx, viewer);
  }

  @Roles('TENANT_ADMIN')
  @Query(() => [ScimTokenModel], { description: 'Bearer tokens identity providers use on /scim/v2 (secrets are never shown again).' })
  scimTokens(@TenantTx() tx: Tx): Promise<ScimTokenModel[]> {
    return this.identity.scimTokens(tx);
  }

  @Roles('TENANT_ADMIN')
  @Mutation(() => CreatedScimTokenModel)
  createScimToken(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('name') name: string): Promise<CreatedScimTokenModel> {
    return this.identity.createScimToken(tx, viewer, name);
  }

  @Roles('TENANT_ADMIN')
  @Mutation(() => CreatedScimTokenModel, { description: 'Replaces a token with a new secret; the old secret stops working at once.' })
  rotateScimToken(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('id', { type: () => ID }, uuid) id: string): Promise<CreatedScimTokenModel> {
    return this.identity.rotateScimToken(tx, viewer, id);
  }

  @Roles('TENANT_ADMIN')
  @Mutation(() => ScimTokenModel)
  revokeScimToken(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('id', { type: () => ID }, uuid) id: string): Promise<ScimTokenModel> {
    return this.identity.revokeScimToken(tx, viewer, id);
  }
}
