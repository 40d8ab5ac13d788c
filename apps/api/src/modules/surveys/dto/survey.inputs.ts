import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Cadence, QuestionType } from '@pulsewise/db';

export const SIGNAL_KEYS = [
  'energy', 'break_taking', 'workload_sustainability', 'after_hours_work', 'flexibility_usage', 'time_off',
  'psychological_safety', 'recognition', 'success_alignment', 'enps', 'comment',
] as const;

@InputType()
export class CreateQuestionInput {
  @Field({ description: 'Stable key, e.g. "breaks" (lower-case letters, digits, underscores).' })
  @Matches(/^[a-z][a-z0-9_]{1,62}$/, { message: 'key must be lower-case letters, digits and underscores' })
  key!: string;
  @Field() @IsIn(SIGNAL_KEYS, { message: `signalKey must be one of: ${SIGNAL_KEYS.join(', ')}` }) signalKey!: string;
  @Field(() => QuestionType) @IsEnum(QuestionType) type!: QuestionType;
  @Field() @IsString() @Length(3, 300) text!: string;
}

@InputType()
export class UpdateQuestionInput {
  @Field() @Matches(/^[a-z][a-z0-9_]{1,62}$/) key!: string;
  @Field({ nullable: true, description: 'New wording: creates a new version under the same key.' }) @IsOptional() @IsString() @Length(3, 300) text?: string;
  @Field({ nullable: true }) @IsOptional() active?: boolean;
}

@InputType()
export class CreateProgrammeInput {
  @Field() @IsString() @Length(2, 120) name!: string;
  @Field(() => Cadence) @IsEnum(Cadence) cadence!: Cadence;
  @Field(() => Int, { description: 'Days each round stays open (1–28).' }) @IsInt() @Min(1) @Max(28) openDays!: number;
  @Field(() => Int, { description: '3–8 questions per round.' }) @IsInt() @Min(3) @Max(8) questionsPerRound!: number;
  @Field(() => [String], { description: 'Question keys to draw from; more than questionsPerRound rotates them across rounds.' })
  @ArrayMinSize(3) @ArrayMaxSize(40) @IsString({ each: true }) questionKeys!: string[];
  @Field(() => [ID]) @ArrayMinSize(1) @IsUUID('all', { each: true }) audienceUnitIds!: string[];
  @Field(() => [ID], { defaultValue: [] }) @IsUUID('all', { each: true }) excludedUnitIds!: string[];
  @Field({ nullable: true, description: 'First launch; defaults to now.' }) @IsOptional() startsAt?: Date;
}
