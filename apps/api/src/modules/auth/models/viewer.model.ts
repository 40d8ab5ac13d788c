import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@pulsewise/db';
import { TenantModel } from '../../tenants/models/tenant.model.js';

registerEnumType(Role, { name: 'Role' });

@ObjectType('Viewer', { description: 'The signed-in person.' })
export class ViewerModel {
  @Field(() => ID) personId!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => TenantModel) tenant!: TenantModel;
}

@ObjectType('AuthSession')
export class AuthSessionModel {
  @Field() accessToken!: string;
  @Field() accessTokenExpiresAt!: Date;
  @Field(() => ViewerModel) viewer!: ViewerModel;
}
