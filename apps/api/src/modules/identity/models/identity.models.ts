import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('SsoConfiguration', { description: "The organisation's OIDC single sign-on. The client secret is stored encrypted and never returned." })
export class SsoConfigurationModel {
  @Field({ description: 'Issuer identifier of the identity provider (its discovery document lives under it).' }) issuer!: string;
  @Field() clientId!: string;
  @Field({ description: 'Whether a client secret is stored (it is never shown again).' }) clientSecretSet!: boolean;
  @Field(() => [String], { description: 'Email domains whose people may sign in through the provider.' }) allowedDomains!: string[];
  @Field() enabled!: boolean;
  @Field({ description: 'false: people sign in only through SSO (tenant admins keep their password as a way back in).' }) passwordSignInEnabled!: boolean;
  @Field() updatedAt!: Date;
}

@ObjectType('SsoSettings')
export class SsoSettingsModel {
  @Field(() => SsoConfigurationModel, { nullable: true, description: 'null: single sign-on is not set up.' }) configuration!: SsoConfigurationModel | null;
  @Field({ description: 'Register this as the redirect URI of the Pulsewise client at the identity provider.' }) redirectUri!: string;
}

@ObjectType('ScimToken')
export class ScimTokenModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType('CreatedScimToken')
export class CreatedScimTokenModel {
  @Field(() => ScimTokenModel) scimToken!: ScimTokenModel;
  @Field({ description: 'Shown once. The identity provider sends it as "Authorization: Bearer <secret>" to the SCIM endpoint.' }) secret!: string;
  @Field({ description: 'The SCIM base URL to give the identity provider.' }) endpoint!: string;
}
