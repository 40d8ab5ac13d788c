import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('TenantPolicy')
export class TenantPolicyModel {
  @Field(() => Int, { description: 'k: groups smaller than this are never shown (default 5, never below 3).' })
  anonymityThreshold!: number;
  @Field({ description: 'Start of quiet hours ("HH:MM", each person\'s own time zone): no survey pings until quietHoursEnd.' })
  quietHoursStart!: string;
  @Field() quietHoursEnd!: string;
  @Field(() => Int, { description: 'Fatigue budget: at most this many pulses per person per month.' })
  maxPulsesPerMonth!: number;
  @Field(() => Int, { description: 'Raw responses older than this are deleted; releases are kept.' })
  responseRetentionMonths!: number;
  @Field(() => [String], { description: 'Demographic dimensions results may be cut by (at most two).' })
  allowedDimensions!: string[];
  @Field() updatedAt!: Date;

  static from(row: TenantPolicyModel): TenantPolicyModel {
    return Object.assign(new TenantPolicyModel(), row);
  }
}
