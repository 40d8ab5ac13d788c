import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReleaseKind, ReleaseStatus } from '@pulsewise/db';

registerEnumType(ReleaseKind, { name: 'ReleaseKind', description: 'ROUND: one pulse round. MONTH: a roll-up of the rounds opened in a month, made once the month has ended and only when a programme ran two or more rounds in it.' });
registerEnumType(ReleaseStatus, { name: 'ReleaseStatus', description: 'WITHHELD: the privacy audit could not be satisfied, so nothing of it is shown.' });

export enum HiddenReason {
  /** Fewer than k people responded (or answered this question). */
  BELOW_THRESHOLD = 'BELOW_THRESHOLD',
  /** Hidden so that a hidden group next to it cannot be worked out by subtraction. */
  COMPLEMENTARY = 'COMPLEMENTARY',
  /** Nearly everyone answered alike: shown only as a band, never as exact figures. */
  BANDED = 'BANDED',
}
registerEnumType(HiddenReason, { name: 'HiddenReason' });

@ObjectType('Release', { description: 'An audited release: the only source of any result Pulsewise shows.' })
export class ReleaseModel {
  @Field(() => ID) id!: string;
  @Field(() => ReleaseKind) kind!: ReleaseKind;
  @Field(() => ID, { nullable: true }) roundId!: string | null;
  @Field({ description: 'First day of the period the release covers (the round opening, or the month).' }) periodStart!: Date;
  @Field({ description: 'Human label, e.g. "Pulse · March 2026".' }) label!: string;
  @Field(() => ReleaseStatus) status!: ReleaseStatus;
  @Field(() => String, { nullable: true, description: 'Why nothing of this release is shown (WITHHELD only).' }) withheldReason!: string | null;
  @Field(() => Int, { description: 'Anonymity threshold the release was protected with.' }) k!: number;
  @Field(() => [String], { description: 'Demographic dimensions results may be cut by.' }) dimensions!: string[];
  @Field(() => Int, {
    description:
      'People counted in no figure of this release: the direct members of a unit with sub-units (a head of division alone, say) when fewer than k, so that they cannot be worked out from the totals.',
  })
  notCounted!: number;
  @Field() createdAt!: Date;
}

@ObjectType('ResultQuestion')
export class ResultQuestionModel {
  @Field() key!: string;
  @Field({ description: 'Current wording of the question.' }) text!: string;
  @Field() signalKey!: string;
  @Field(() => Int) min!: number;
  @Field(() => Int) max!: number;
}

@ObjectType('ResultValue', { description: 'One question in one group. Hidden values carry a reason and no figures — never a zero.' })
export class ResultValueModel {
  @Field() questionKey!: string;
  @Field() hidden!: boolean;
  @Field(() => HiddenReason, { nullable: true }) reason!: HiddenReason | null;
  @Field(() => Int, { nullable: true, description: 'People who answered this question.' }) answered!: number | null;
  @Field(() => Float, { nullable: true }) mean!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of answers at or above the favourable point (0..1).' }) favourableShare!: number | null;
  @Field(() => [Int], { nullable: true, description: 'Answers per scale point, from min to max.' }) distribution!: number[] | null;
  @Field(() => String, { nullable: true, description: 'BANDED only, e.g. "≥80% favourable".' }) band!: string | null;
}

@ObjectType('ResultRow', { description: 'One group: the selected unit, one of its child units, or the people directly in it — optionally one demographic value of it.' })
export class ResultRowModel {
  @Field(() => ID) orgUnitId!: string;
  @Field() name!: string;
  @Field({ description: 'The selected unit itself (the first row).' }) isSelectedUnit!: boolean;
  @Field({ description: 'Only the people attached directly to the unit, not its child units.' }) direct!: boolean;
  @Field({ description: 'The unit has child units (the heatmap can open it).' }) hasChildren!: boolean;
  @Field(() => String, { nullable: true, description: 'The value of the cut dimension, when results are cut.' }) dimensionValue!: string | null;
  @Field() hidden!: boolean;
  @Field(() => HiddenReason, { nullable: true }) reason!: HiddenReason | null;
  @Field(() => Int, { nullable: true }) respondents!: number | null;
  @Field(() => Float, { nullable: true, description: 'respondents / people invited; shown groups only.' }) responseRate!: number | null;
  @Field(() => [ResultValueModel]) values!: ResultValueModel[];
}

@ObjectType('ReleaseResults', { description: 'A heatmap: the unit and its children (org-tree order) × questions.' })
export class ReleaseResultsModel {
  @Field(() => ReleaseModel) release!: ReleaseModel;
  @Field(() => ID) orgUnitId!: string;
  @Field(() => String, { nullable: true }) dimension!: string | null;
  @Field(() => [ResultQuestionModel]) questions!: ResultQuestionModel[];
  @Field(() => [ResultRowModel], { description: 'Org-tree order (never by any value).' }) rows!: ResultRowModel[];
  @Field({ description: 'Comments may be shown for this unit (at least max(k, 10) respondents).' }) commentsAvailable!: boolean;
}

@ObjectType('ReleaseComment')
export class ReleaseCommentModel {
  @Field() text!: string;
  @Field({ description: 'Dated by round, not by submission.' }) roundLabel!: string;
}

@ObjectType('ReleaseComments', { description: 'Free-text comments for one unit, in shuffled order, never cut by demographics.' })
export class ReleaseCommentsModel {
  @Field() available!: boolean;
  @Field(() => Int, { description: 'Respondents a group needs before its comments are shown.' }) threshold!: number;
  @Field(() => String, { nullable: true, description: 'Why comments are not shown.' }) unavailableReason!: string | null;
  @Field(() => [ReleaseCommentModel]) comments!: ReleaseCommentModel[];
}
