import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ImportRowErrorModel } from '../../directory/models/directory.models.js';

@ObjectType('Kpi', { description: 'A business figure owned by an org unit. No "good/bad" direction is stored: nothing is ranked by it.' })
export class KpiModel {
  @Field(() => ID) id!: string;
  @Field() key!: string;
  @Field() name!: string;
  @Field({ description: 'e.g. "EUR", "days", "% of customers".' }) unit!: string;
  @Field() description!: string;
  @Field(() => ID) orgUnitId!: string;
  @Field() orgUnitPath!: string;
}

@ObjectType('KpiObservation')
export class KpiObservationModel {
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field(() => Float) value!: number;
}

@ObjectType('KpiImportResult')
export class KpiImportResultModel {
  @Field({ description: 'False when any row was invalid; then nothing was written.' }) ok!: boolean;
  @Field(() => Int) rowsRead!: number;
  @Field(() => Int) observationsWritten!: number;
  @Field(() => [ImportRowErrorModel]) errors!: ImportRowErrorModel[];
}
