import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ManagerSuccessStatements', { description: 'What a manager considers success for the person.' })
export class ManagerSuccessStatementsModel {
  @Field() authorName!: string;
  @Field(() => [String]) statements!: string[];
  @Field() updatedAt!: Date;
}

@ObjectType('MySuccessAlignment', { description: 'Only the person sees this: their own statements next to their manager\'s for them.' })
export class MySuccessAlignmentModel {
  @Field({ description: 'YYYY-Qn' }) quarter!: string;
  @Field(() => [String], { description: 'Private unless shared.' }) mine!: string[];
  @Field({ description: 'Whether my own statements are shared with my manager (never by default).' }) shared!: boolean;
  @Field(() => Date, { nullable: true }) mineUpdatedAt!: Date | null;
  @Field(() => [ManagerSuccessStatementsModel]) fromManagers!: ManagerSuccessStatementsModel[];
}

@ObjectType('ReportSuccessAlignment', { description: 'A manager\'s view of one direct report: what the manager wrote, and the report\'s own statements only if they chose to share them.' })
export class ReportSuccessAlignmentModel {
  @Field(() => ID) personId!: string;
  @Field() displayName!: string;
  @Field() quarter!: string;
  @Field(() => [String], { description: 'What I (the manager) consider success for this person.' }) mine!: string[];
  @Field(() => [String], { nullable: true, description: 'The person\'s own statements; null unless they shared them.' }) theirs!: string[] | null;
}
