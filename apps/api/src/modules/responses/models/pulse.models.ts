import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { QuestionType } from '@pulsewise/db';
import { IsInt, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export enum PulseState {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
}
registerEnumType(PulseState, { name: 'PulseState', description: 'OPEN: can be answered; ANSWERED: this link was already used; CLOSED: the round has ended.' });

@ObjectType('PulseQuestion')
export class PulseQuestionModel {
  @Field(() => ID) id!: string;
  @Field(() => QuestionType) type!: QuestionType;
  @Field() text!: string;
  @Field(() => Int, { nullable: true }) min!: number | null;
  @Field(() => Int, { nullable: true }) max!: number | null;
}

@ObjectType('PulseForm', { description: 'What an answer link opens. No person is named anywhere in it.' })
export class PulseFormModel {
  @Field() organizationName!: string;
  @Field(() => PulseState) state!: PulseState;
  @Field() closesAt!: Date;
  @Field(() => Int, { description: 'Groups with fewer respondents than this are never shown.' }) anonymityThreshold!: number;
  @Field(() => [String], { description: 'The groups this answer will count in (only ever shown as part of a group of at least anonymityThreshold).' })
  countsIn!: string[];
  @Field(() => String, { nullable: true, description: 'Set when this answer will count in no result at all, and why (countsIn is then empty).' })
  notCountedReason!: string | null;
  @Field(() => [PulseQuestionModel]) questions!: PulseQuestionModel[];
}

@InputType()
export class PulseAnswerInput {
  @Field(() => ID) @IsUUID('all', { message: 'questionId must be an id' }) questionId!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() value?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 10_000) text?: string | null;
}

@ObjectType('PulseReceipt')
export class PulseReceiptModel {
  @Field() received!: boolean;
  @Field() message!: string;
}
