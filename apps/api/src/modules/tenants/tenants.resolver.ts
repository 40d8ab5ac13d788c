import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import type { Tx } from '@pulsewise/db';
import { CurrentViewer, TenantTx } from '../../common/auth/current.decorators.js';
import { ALL_ROLES, Roles } from '../../common/auth/roles.decorator.js';
import type { RequestContext, Viewer } from '../../common/graphql/request-context.js';
import { JobQueues } from '../../common/queues/queues.module.js';
import { JobName, QueueName } from '@pulsewise/jobs';
import { CreateTenantInput, InviteTenantAdminInput, UpdateTenantPolicyInput } from './dto/tenant.inputs.js';
import { TenantPolicyModel } from './models/tenant-policy.model.js';
import { TenantModel } from './models/tenant.model.js';
import { TenantsService } from './tenants.service.js';

@Resolver()
export class TenantsResolver {
  constructor(
    private readonly service: TenantsService,
    private readonly queues: JobQueues,
  ) {}

  // --- platform administration (every call audited) ---

  @Roles('PLATFORM_ADMIN')
  @Query(() => [TenantModel], { description: 'Every customer organisation (platform admins only).' })
  tenants(@CurrentViewer() viewer: Viewer): Promise<TenantModel[]> {
    return this.service.list(viewer);
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => TenantModel)
  createTenant(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateTenantInput): Promise<TenantModel> {
    return this.service.create(viewer, input);
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => TenantModel, { description: 'Suspended organisations cannot sign in; their data is kept.' })
  suspendTenant(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string): Promise<TenantModel> {
    return this.service.setStatus(viewer, id, 'SUSPENDED');
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => TenantModel)
  reactivateTenant(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string): Promise<TenantModel> {
    return this.service.setStatus(viewer, id, 'ACTIVE');
  }

  @Roles('PLATFORM_ADMIN')
  @Mutation(() => Boolean, { description: 'Creates the organisation\'s admin and emails a single-use link to set a password.' })
  inviteTenantAdmin(@CurrentViewer() viewer: Viewer, @Args('input') input: InviteTenantAdminInput): Promise<boolean> {
    return this.service.inviteAdmin(viewer, input);
  }

  // --- the caller's own organisation ---

  @Roles(...ALL_ROLES)
  @Query(() => TenantModel, { description: 'The organisation you are signed in to.' })
  tenant(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx): Promise<TenantModel> {
    return this.service.current(tx, viewer.tenantId);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @Query(() => TenantPolicyModel)
  tenantPolicy(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx): Promise<TenantPolicyModel> {
    return this.service.policy(tx, viewer.tenantId);
  }

  @Roles('TENANT_ADMIN')
  @Mutation(() => TenantPolicyModel, { description: 'Every change is recorded in the audit log (old → new).' })
  async updateTenantPolicy(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Context() ctx: RequestContext, @Args('input') input: UpdateTenantPolicyInput): Promise<TenantPolicyModel> {
    const policy = await this.service.updatePolicy(tx, viewer, input);
    // A raised k applies to answered rounds too: the release sweep re-aggregates those published under a lower k.
    if (input.anonymityThreshold != null) ctx.requestTx.afterCommit(() => this.queues.add(QueueName.RELEASES, JobName.SWEEP_RELEASES, {}));
    return policy;
  }
}
