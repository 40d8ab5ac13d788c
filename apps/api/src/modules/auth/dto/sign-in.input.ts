import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Length, Matches } from 'class-validator';

@InputType()
export class SignInInput {
  @Field() @IsEmail({}, { message: 'email must be an email address' }) @Length(3, 254) email!: string;
  @Field() @IsString() @Length(1, 256) password!: string;
  @Field({ nullable: true, description: 'Organisation slug; needed only when the email belongs to several organisations.' })
  @IsOptional() @Matches(/^[a-z0-9-]{1,64}$/, { message: 'organization must be an organisation short name' })
  organization?: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field() @IsString() @Length(20, 200) token!: string;
  @Field() @IsString() @Length(12, 256, { message: 'password must be at least 12 characters' }) password!: string;
}
