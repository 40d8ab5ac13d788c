import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '@pulsewise/db';

@ObjectType('OrgUnit')
export class OrgUnitModel {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
  @Field() name!: string;
  @Field({ description: 'Path from the organisation root, e.g. "Engineering/Platform"; "" is the root.' }) path!: string;
  @Field(() => Int) depth!: number;
}

@ObjectType('Person')
export class PersonModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => ID) orgUnitId!: string;
  @Field(() => ID, { nullable: true }) managerId!: string | null;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) startDate!: string | null;
  @Field() timeZone!: string;
  @Field() workingHoursStart!: string;
  @Field() workingHoursEnd!: string;
  @Field(() => [Int], { description: 'ISO weekdays, 1 = Monday' }) workingDays!: number[];
  @Field(() => [Role]) roles!: Role[];
  @Field() active!: boolean;
}

@ObjectType('PersonPage')
export class PersonPageModel {
  @Field(() => [PersonModel]) items!: PersonModel[];
  @Field(() => Int) totalCount!: number;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' }) nextCursor!: string | null;
}

@ObjectType('ImportRowError')
export class ImportRowErrorModel {
  @Field(() => Int, { description: 'Line in the file (the header is line 1).' }) row!: number;
  @Field(() => String, { nullable: true }) column!: string | null;
  @Field() message!: string;
}

@ObjectType('DirectoryImportResult')
export class DirectoryImportResultModel {
  @Field({ description: 'False when any row was invalid; then nothing was written.' }) ok!: boolean;
  @Field(() => Int) rowsRead!: number;
  @Field(() => Int) peopleCreated!: number;
  @Field(() => Int) peopleUpdated!: number;
  @Field(() => Int) peopleUnchanged!: number;
  @Field(() => Int) orgUnitsCreated!: number;
  @Field(() => [ImportRowErrorModel]) errors!: ImportRowErrorModel[];
}
