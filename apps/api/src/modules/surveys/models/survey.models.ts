import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Cadence, ProgrammeStatus, QuestionType, RoundStatus } from '@pulsewise/db';

registerEnumType(QuestionType, { name: 'QuestionType' });
registerEnumType(Cadence, { name: 'Cadence' });
registerEnumType(ProgrammeStatus, { name: 'ProgrammeStatus' });
registerEnumType(RoundStatus, { name: 'RoundStatus' });

@ObjectType('Question', { description: 'One version of a question. The key stays the same across wording edits.' })
export class QuestionModel {
  @Field(() => ID) id!: string;
  @Field() key!: string;
  @Field(() => Int) version!: number;
  @Field({ description: 'The culture signal this item feeds.' }) signalKey!: string;
  @Field(() => QuestionType) type!: QuestionType;
  @Field() text!: string;
  @Field() active!: boolean;
}

@ObjectType('PulseProgramme')
export class PulseProgrammeModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Cadence) cadence!: Cadence;
  @Field(() => Int) openDays!: number;
  @Field(() => Int) questionsPerRound!: number;
  @Field(() => [String]) questionKeys!: string[];
  @Field(() => [ID]) audienceUnitIds!: string[];
  @Field(() => [ID]) excludedUnitIds!: string[];
  @Field(() => ProgrammeStatus) status!: ProgrammeStatus;
  @Field() startsAt!: Date;
}

@ObjectType('PulseRound', { description: 'Organisation-wide participation figures only; results by group come from audited releases.' })
export class PulseRoundModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) programmeId!: string;
  @Field(() => Int) sequence!: number;
  @Field() opensAt!: Date;
  @Field() closesAt!: Date;
  @Field(() => RoundStatus) status!: RoundStatus;
  @Field(() => Int, { description: 'People in the audience at launch.' }) eligibleCount!: number;
  @Field(() => Int) invitedCount!: number;
  @Field(() => Int, { description: 'Not invited because they had reached the monthly pulse limit (counted, never silently dropped).' })
  skippedFatigueCount!: number;
  @Field(() => Int, { nullable: true, description: 'Known once the round has closed; shown only when at least k people were invited and responded.' }) respondedCount!: number | null;
  @Field(() => Float, { nullable: true, description: 'respondedCount / invitedCount, once closed and only when at least k people were invited and responded.' })
  responseRate!: number | null;
}
