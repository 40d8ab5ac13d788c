import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';

const KEY = /^[a-z][a-z0-9_]{1,62}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType()
export class CreateKpiInput {
  @Field({ description: 'Stable key used by CSV imports (lower-case letters, digits, underscores).' })
  @Matches(KEY, { message: 'key must be lower-case letters, digits and underscores' })
  key!: string;
  @Field() @IsString() @Length(2, 80) name!: string;
  @Field() @IsString() @Length(1, 40) unit!: string;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 500) description!: string;
  @Field(() => ID, { description: 'The org unit that owns the KPI.' }) @IsUUID('all', { message: 'orgUnitId must be an id' }) orgUnitId!: string;
}

@InputType()
export class UpdateKpiInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(2, 80) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 40) unit?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 500) description?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'orgUnitId must be an id' }) orgUnitId?: string;
}

@InputType()
export class KpiObservationInput {
  @Field({ description: 'YYYY-MM' }) @Matches(MONTH, { message: 'month must look like 2026-03' }) month!: string;
  @Field(() => Float) @IsNumber({ allowNaN: false, allowInfinity: false }) value!: number;
}

@InputType()
export class RecordKpiObservationsInput {
  @Field(() => ID) @IsUUID('all', { message: 'kpiId must be an id' }) kpiId!: string;
  @Field(() => [KpiObservationInput], { description: 'Replaces the figure of each month given; other months are kept.' })
  @ArrayMinSize(1) @ArrayMaxSize(240) @ValidateNested({ each: true }) @Type(() => KpiObservationInput)
  observations!: KpiObservationInput[];
}
