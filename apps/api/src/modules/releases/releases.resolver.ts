import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { Tx } from '@pulsewise/db';
import { CurrentViewer, TenantTx } from '../../common/auth/current.decorators.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { badInput } from '../../common/errors/domain-error.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import { ReleaseCommentsModel, ReleaseModel, ReleaseResultsModel } from './models/release.models.js';
import { ReleasesService } from './releases.service.js';

const uuid = new ParseUUIDPipe();
const optionalUuid = new ParseUUIDPipe({ optional: true });

@Resolver()
export class ReleasesResolver {
  constructor(private readonly service: ReleasesService) {}

  @Roles('TENANT_ADMIN', 'HR_LEADER', 'MANAGER')
  @Query(() => [ReleaseModel], { description: 'Audited releases, newest period first.' })
  releases(@TenantTx() tx: Tx, @Args('first', { type: () => Int, defaultValue: 24 }) first: number): Promise<ReleaseModel[]> {
    if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput('first must be between 1 and 200');
    return this.service.releases(tx, first);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER', 'MANAGER')
  @Query(() => ReleaseResultsModel, {
    description: 'Results of one release for a unit and its children (managers: within their own subtree), optionally cut by one allowed dimension.',
  })
  releaseResults(
    @CurrentViewer() viewer: Viewer,
    @TenantTx() tx: Tx,
    @Args('releaseId', { type: () => ID }, uuid) releaseId: string,
    @Args('orgUnitId', { type: () => ID, nullable: true, description: 'Defaults to the top of what the viewer may see.' }, optionalUuid) orgUnitId: string | undefined,
    @Args('dimension', { type: () => String, nullable: true }) dimension: string | undefined,
  ): Promise<ReleaseResultsModel> {
    return this.service.results(tx, viewer, releaseId, orgUnitId ?? null, dimension ?? null);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER', 'MANAGER')
  @Query(() => ReleaseCommentsModel, { description: 'Comments for a unit (or only the people directly in it), where the release allows them.' })
  releaseComments(
    @CurrentViewer() viewer: Viewer,
    @TenantTx() tx: Tx,
    @Args('releaseId', { type: () => ID }, uuid) releaseId: string,
    @Args('orgUnitId', { type: () => ID }, uuid) orgUnitId: string,
    @Args('direct', { defaultValue: false }) direct: boolean,
  ): Promise<ReleaseCommentsModel> {
    return this.service.comments(tx, viewer, releaseId, orgUnitId, direct);
  }
}
