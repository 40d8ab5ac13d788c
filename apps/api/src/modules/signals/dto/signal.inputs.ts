import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsNumber, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

@InputType()
export class SetSignalHealthyBandInput {
  @Field() @Matches(/^[a-z][a-z0-9_]{1,62}$/, { message: 'key must be a signal key' }) key!: string;
  @Field(() => Float, { nullable: true, description: 'Lower end; null for none.' }) @IsOptional() @IsNumber() healthyMin?: number | null;
  @Field(() => Float, { nullable: true, description: 'Upper end; null for none.' }) @IsOptional() @IsNumber() healthyMax?: number | null;
}

@InputType()
export class DefineImportedSignalInput {
  @Field({ description: 'Stable key (lower-case letters, digits, underscores).' })
  @Matches(/^[a-z][a-z0-9_]{1,62}$/, { message: 'key must be lower-case letters, digits and underscores' })
  key!: string;
  @Field() @IsString() @Length(2, 80) name!: string;
  @Field() @IsString() @Length(3, 500) description!: string;
  @Field() @IsString() @Length(1, 80) unit!: string;
  @Field(() => Float, { nullable: true, description: 'Smallest possible value per person (give both ends or neither).' }) @IsOptional() @IsNumber() valueMin?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() valueMax?: number | null;
}

@ArgsType()
export class CultureOverviewArgs {
  @Field(() => ID) @IsUUID('all', { message: 'orgUnitId must be an id' }) orgUnitId!: string;
  @Field({ nullable: true, description: 'First month (YYYY-MM); default: 11 months before `to`.' }) @IsOptional() @IsString() from?: string;
  @Field({ nullable: true, description: 'Last month (YYYY-MM); default: the current month.' }) @IsOptional() @IsString() to?: string;
}
