import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
export const DIMENSIONS = ['location', 'tenure'] as const;

@InputType()
export class CreateTenantInput {
  @Field() @IsString() @Length(2, 120) name!: string;
  @Field({ description: 'Lower-case letters, digits and dashes, e.g. "acme-robotics".' })
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, { message: 'slug must be lower-case letters, digits and dashes' })
  slug!: string;
}

@InputType()
export class InviteTenantAdminInput {
  @Field(() => ID) @IsUUID('all', { message: 'tenantId must be an id' }) tenantId!: string;
  @Field() @IsEmail({}, { message: 'email must be an email address' }) @Length(3, 254) email!: string;
  @Field() @IsString() @Length(1, 120) displayName!: string;
}

@InputType()
export class UpdateTenantPolicyInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(3, { message: 'anonymityThreshold can never be below 3' }) @Max(50) anonymityThreshold?: number;
  @Field({ nullable: true }) @IsOptional() @Matches(HHMM, { message: 'quietHoursStart must be HH:MM' }) quietHoursStart?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(HHMM, { message: 'quietHoursEnd must be HH:MM' }) quietHoursEnd?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(31) maxPulsesPerMonth?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(120) responseRetentionMonths?: number;
  @Field(() => [String], { nullable: true })
  @IsOptional() @ArrayMaxSize(2, { message: 'at most two demographic dimensions' }) @IsIn(DIMENSIONS, { each: true, message: `allowedDimensions must be among: ${DIMENSIONS.join(', ')}` })
  allowedDimensions?: string[];
}
