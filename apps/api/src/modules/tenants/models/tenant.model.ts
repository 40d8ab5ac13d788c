import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TenantStatus } from '@pulsewise/db';

registerEnumType(TenantStatus, { name: 'TenantStatus' });

@ObjectType('Tenant')
export class TenantModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'Short name used in sign-in when an email belongs to several organisations.' }) slug!: string;
  @Field(() => TenantStatus) status!: TenantStatus;
  @Field() createdAt!: Date;

  static from(row: { id: string; name: string; slug: string; status: TenantStatus; createdAt: Date }): TenantModel {
    return Object.assign(new TenantModel(), { id: row.id, name: row.name, slug: row.slug, status: row.status, createdAt: row.createdAt });
  }
}
