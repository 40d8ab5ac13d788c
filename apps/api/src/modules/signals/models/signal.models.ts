import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ImportRowErrorModel } from '../../directory/models/directory.models.js';

export enum SignalSourceEnum {
  PULSE = 'PULSE',
  IMPORT = 'IMPORT',
}
registerEnumType(SignalSourceEnum, {
  name: 'SignalSource',
  description: 'PULSE: from pulse answers, through audited releases. IMPORT: aggregated behavioural data from an HR system, audited the same way.',
});

export enum HiddenPointReason {
  BELOW_THRESHOLD = 'BELOW_THRESHOLD',
  COMPLEMENTARY = 'COMPLEMENTARY',
  BANDED = 'BANDED',
  WITHHELD = 'WITHHELD',
}
registerEnumType(HiddenPointReason, {
  name: 'HiddenPointReason',
  description:
    'Why a point shows no figure: fewer than k people (BELOW_THRESHOLD); hidden so that a small group next to it cannot be worked out (COMPLEMENTARY); near-unanimous, shown only as a band (BANDED); the whole month could not be made safe and is not shown (WITHHELD).',
});

@ObjectType('Signal')
export class SignalModel {
  @Field(() => ID) id!: string;
  @Field() key!: string;
  @Field() name!: string;
  @Field({ description: 'Plain-language description.' }) description!: string;
  @Field({ description: 'Unit of the values, e.g. "vacation days per person-year".' }) unit!: string;
  @Field(() => SignalSourceEnum) source!: SignalSourceEnum;
  @Field(() => String, { nullable: true, description: 'PULSE signals: the question whose audited results feed the signal.' }) questionKey!: string | null;
  @Field(() => Float, { nullable: true, description: 'Smallest possible value per person (imported signals).' }) valueMin!: number | null;
  @Field(() => Float, { nullable: true, description: 'Largest possible value per person (imported signals).' }) valueMax!: number | null;
  @Field(() => Float, { nullable: true, description: 'Lower end of the tenant-set healthy band, if any.' }) healthyMin!: number | null;
  @Field(() => Float, { nullable: true, description: 'Upper end of the tenant-set healthy band, if any.' }) healthyMax!: number | null;
  @Field() builtIn!: boolean;
}

@ObjectType('SignalImportResult')
export class SignalImportResultModel {
  @Field({ description: 'False when any row was invalid; then nothing was written.' }) ok!: boolean;
  @Field(() => Int) rowsRead!: number;
  @Field(() => Int, { description: 'Signal-months replaced by this file and audited again.' }) monthsImported!: number;
  @Field(() => Int, { description: 'Of those, months the privacy audit published (hidden points still possible).' }) monthsPublished!: number;
  @Field(() => Int, { description: 'Of those, months withheld because the audit could not make them safe: nothing of them is shown.' }) monthsWithheld!: number;
  @Field(() => [ImportRowErrorModel]) errors!: ImportRowErrorModel[];
}

@ObjectType('SignalImportKey')
export class SignalImportKeyModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType('CreatedSignalImportKey')
export class CreatedSignalImportKeyModel {
  @Field(() => SignalImportKeyModel) importKey!: SignalImportKeyModel;
  @Field({ description: 'Shown once. Send it as "Authorization: Bearer <secret>" to POST /api/signal-observations with a text/csv body.' })
  secret!: string;
}

@ObjectType('SignalPoint')
export class SignalPointModel {
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field(() => Float, { nullable: true, description: 'Published value; null when hidden or when there is no data (never a zero stand-in).' }) value!: number | null;
  @Field(() => Int, { nullable: true, description: 'People (or answers) behind a published value.' }) n!: number | null;
  @Field() hidden!: boolean;
  @Field(() => HiddenPointReason, { nullable: true }) reason!: HiddenPointReason | null;
  @Field(() => String, { nullable: true, description: 'For BANDED points, e.g. "≥90% favourable".' }) band!: string | null;
}

@ObjectType('TrendPoint')
export class TrendPointModel {
  @Field() month!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
}

@ObjectType('SignalSeries')
export class SignalSeriesModel {
  @Field(() => SignalModel) signal!: SignalModel;
  @Field(() => [SignalPointModel], { description: 'One point per month of the window.' }) points!: SignalPointModel[];
  @Field(() => [TrendPointModel], { description: 'Centred 3-month moving average of the published points only.' }) trend!: TrendPointModel[];
}

@ObjectType('UnitSignals')
export class UnitSignalsModel {
  @Field(() => ID) orgUnitId!: string;
  @Field() name!: string;
  @Field() path!: string;
  @Field({ description: 'The people attached directly to the unit, apart from its sub-units ("(direct)").' }) direct!: boolean;
  @Field(() => [SignalSeriesModel]) signals!: SignalSeriesModel[];
}

@ObjectType('KpiPoint')
export class KpiPointModel {
  @Field() month!: string;
  @Field(() => Float, { nullable: true, description: 'Null when no figure was recorded for the month.' }) value!: number | null;
}

@ObjectType('KpiSeries')
export class KpiSeriesModel {
  @Field(() => ID) kpiId!: string;
  @Field() key!: string;
  @Field() name!: string;
  @Field() unit!: string;
  @Field() description!: string;
  @Field(() => ID) orgUnitId!: string;
  @Field() orgUnitPath!: string;
  @Field(() => [KpiPointModel]) points!: KpiPointModel[];
}

@ObjectType('CultureOverview')
export class CultureOverviewModel {
  @Field(() => ID) orgUnitId!: string;
  @Field() name!: string;
  @Field() path!: string;
  @Field({ description: 'First month of the window (YYYY-MM).' }) from!: string;
  @Field({ description: 'Last month of the window (YYYY-MM).' }) to!: string;
  @Field(() => [String], { description: 'The shared month axis of every series below.' }) months!: string[];
  @Field(() => Int, { description: 'The anonymity threshold k in force.' }) anonymityThreshold!: number;
  @Field(() => [SignalSeriesModel], { description: 'Signals of the unit as a whole, in catalogue order.' }) signals!: SignalSeriesModel[];
  @Field(() => [UnitSignalsModel], { description: 'The "(direct)" group first, then child units in org-tree order — never in order of any value.' })
  children!: UnitSignalsModel[];
  @Field(() => [KpiSeriesModel], { description: 'KPIs owned by this unit, its parents or its sub-units, in org-tree order.' }) kpis!: KpiSeriesModel[];
}
