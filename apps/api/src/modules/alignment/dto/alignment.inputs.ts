import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

const QUARTER = /^\d{4}-Q[1-4]$/;
export const MAX_STATEMENTS = 5;
export const MAX_STATEMENT_LENGTH = 280;

@InputType()
export class SaveMySuccessStatementsInput {
  @Field({ nullable: true, description: 'YYYY-Qn; default: the current quarter.' }) @IsOptional() @Matches(QUARTER, { message: 'quarter must look like 2026-Q4' }) quarter?: string;
  @Field(() => [String], { description: `Up to ${MAX_STATEMENTS} short statements (an empty list clears them).` })
  @ArrayMaxSize(MAX_STATEMENTS) @IsString({ each: true }) @Length(1, MAX_STATEMENT_LENGTH, { each: true })
  statements!: string[];
}

@InputType()
export class SaveReportSuccessStatementsInput {
  @Field(() => ID) @IsUUID('all', { message: 'personId must be an id' }) personId!: string;
  @Field({ nullable: true }) @IsOptional() @Matches(QUARTER, { message: 'quarter must look like 2026-Q4' }) quarter?: string;
  @Field(() => [String]) @ArrayMaxSize(MAX_STATEMENTS) @IsString({ each: true }) @Length(1, MAX_STATEMENT_LENGTH, { each: true }) statements!: string[];
}

@InputType()
export class ShareMySuccessStatementsInput {
  @Field({ nullable: true }) @IsOptional() @Matches(QUARTER, { message: 'quarter must look like 2026-Q4' }) quarter?: string;
  @Field({ description: 'true: my manager can read my statements; false: private again.' }) @IsBoolean() shared!: boolean;
}
