import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { IdentityRepository } from './identity.repository.js';
import { IdentityResolver } from './identity.resolver.js';
import { IdentityService } from './identity.service.js';
import { OidcController } from './oidc/oidc.controller.js';
import { OidcLoginService } from './oidc/oidc-login.service.js';
import { ScimController } from './scim/scim.controller.js';
import { ScimGroupsService } from './scim/scim-groups.service.js';
import { ScimUsersService } from './scim/scim-users.service.js';
import { ScimRepository } from './scim/scim.repository.js';

/** Enterprise identity: OIDC single sign-on per tenant and SCIM 2.0 provisioning of the directory. */
@Module({
  imports: [DirectoryModule],
  controllers: [OidcController, ScimController],
  providers: [IdentityRepository, IdentityService, IdentityResolver, OidcLoginService, ScimRepository, ScimUsersService, ScimGroupsService],
})
export class IdentityModule {}
