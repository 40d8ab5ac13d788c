import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Tx } from '@pulsewise/db';
import { CurrentViewer, TenantTx } from '../../common/auth/current.decorators.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { IMPORT_LIMITS, RateLimit } from '../../common/rate-limit/rate-limit.decorator.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import { DirectoryService } from './directory.service.js';
import { PeopleArgs } from './dto/directory.inputs.js';
import { DirectoryImportResultModel, OrgUnitModel, PersonModel, PersonPageModel } from './models/directory.models.js';

@Resolver()
export class DirectoryResolver {
  constructor(private readonly directory: DirectoryService) {}

  @Roles('TENANT_ADMIN', 'HR_LEADER', 'MANAGER')
  @Query(() => [OrgUnitModel], { description: 'Org units in tree order. Managers see their own subtree.' })
  orgUnits(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx): Promise<OrgUnitModel[]> {
    return this.directory.orgUnits(tx, viewer);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER', 'MANAGER')
  @Query(() => OrgUnitModel)
  orgUnit(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string): Promise<OrgUnitModel> {
    return this.directory.orgUnit(tx, viewer, id);
  }

  @Roles('TENANT_ADMIN')
  @Query(() => PersonPageModel, { description: 'The directory, by email.' })
  people(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args() args: PeopleArgs): Promise<PersonPageModel> {
    return this.directory.people(tx, viewer, args);
  }

  @Roles('TENANT_ADMIN')
  @Query(() => PersonModel)
  person(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string): Promise<PersonModel> {
    return this.directory.person(tx, viewer, id);
  }

  @Roles('TENANT_ADMIN')
  @RateLimit(IMPORT_LIMITS)
  @Mutation(() => DirectoryImportResultModel, {
    description: 'CSV with columns email,name,orgUnitPath,managerEmail,location,startDate,timezone,roles. If any row is invalid nothing is written.',
  })
  importDirectory(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('csv') csv: string): Promise<DirectoryImportResultModel> {
    return this.directory.importDirectory(tx, viewer, csv);
  }
}
