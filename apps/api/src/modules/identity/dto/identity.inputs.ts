import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

@InputType()
export class SsoConfigurationInput {
  @Field({ description: 'https URL of the identity provider (its issuer identifier).' }) @IsString() @Length(8, 500) issuer!: string;
  @Field() @IsString() @Length(1, 255) clientId!: string;
  @Field({ nullable: true, description: 'Leave out to keep the stored secret.' }) @IsOptional() @IsString() @Length(1, 1000) clientSecret?: string;
  @Field(() => [String])
  @ArrayMaxSize(50)
  @Matches(/^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, { each: true, message: 'each allowed domain must be a domain name like example.com' })
  allowedDomains!: string[];
  @Field() @IsBoolean() enabled!: boolean;
  @Field() @IsBoolean() passwordSignInEnabled!: boolean;
}
