import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

@ArgsType()
export class PeopleArgs {
  @Field(() => ID, { nullable: true, description: 'Only people in this unit and the units below it.' })
  @IsOptional() @IsUUID('all', { message: 'orgUnitId must be an id' }) orgUnitId?: string;
  @Field({ nullable: true, description: 'Matches name or email.' }) @IsOptional() @IsString() @Length(1, 100) search?: string;
  @Field(() => Int, { defaultValue: 50 }) @IsInt() @Min(1) @Max(200) first!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 200) after?: string;
}

export const MAX_CSV_BYTES = 10 * 1024 * 1024;
