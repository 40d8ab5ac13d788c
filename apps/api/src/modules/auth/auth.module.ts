import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from '../../common/auth/auth.guard.js';
import { AppConfigService } from '../../common/config/app-config.service.js';
import { AccessTokens } from './access-token.js';
import { AuthRepository } from './auth.repository.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { InvitationTokens } from './invitation-tokens.js';
import { LoginThrottle } from './login-throttle.js';

@Global()
@Module({
  providers: [
    {
      provide: AccessTokens,
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => new AccessTokens(config.values.JWT_SECRET, config.values.ACCESS_TOKEN_TTL_SECONDS),
    },
    AuthRepository,
    AuthService,
    AuthResolver,
    InvitationTokens,
    LoginThrottle,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccessTokens, InvitationTokens, AuthService],
})
export class AuthModule {}
