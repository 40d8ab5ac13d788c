import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Tx } from '@pulsewise/db';
import { CurrentViewer, TenantTx } from '../../common/auth/current.decorators.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { IMPORT_LIMITS, RateLimit } from '../../common/rate-limit/rate-limit.decorator.js';
import { badInput } from '../../common/errors/domain-error.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import { CultureOverviewService } from './culture-overview.service.js';
import { CultureOverviewArgs, DefineImportedSignalInput, SetSignalHealthyBandInput } from './dto/signal.inputs.js';
import { CreatedSignalImportKeyModel, CultureOverviewModel, SignalImportKeyModel, SignalImportResultModel, SignalModel } from './models/signal.models.js';
import { SignalsService } from './signals.service.js';

const uuid = new ParseUUIDPipe();

@Resolver()
export class SignalsResolver {
  constructor(
    private readonly signalsService: SignalsService,
    private readonly overviewService: CultureOverviewService,
  ) {}

  @Roles('TENANT_ADMIN', 'HR_LEADER', 'MANAGER')
  @Query(() => [SignalModel], { description: 'The signal catalogue: built-in signals first, then the tenant\'s own imported signals.' })
  signals(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx): Promise<SignalModel[]> {
    return this.signalsService.signals(tx, viewer.tenantId);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @Mutation(() => SignalModel, { description: 'Sets (or clears, with nulls) the healthy band of a signal, e.g. time off ≥ 20 days per person-year.' })
  setSignalHealthyBand(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('input') input: SetSignalHealthyBandInput): Promise<SignalModel> {
    return this.signalsService.setHealthyBand(tx, viewer, input);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @Mutation(() => SignalModel, { description: 'Adds a signal of the tenant\'s own that HR systems can import (aggregated per unit and month).' })
  defineImportedSignal(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('input') input: DefineImportedSignalInput): Promise<SignalModel> {
    return this.signalsService.defineImportedSignal(tx, viewer, input);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @RateLimit(IMPORT_LIMITS)
  @Mutation(() => SignalImportResultModel, {
    description:
      'CSV with columns signal,orgUnitPath,month,value,n: value is the average per person over the n people attached directly to the unit ("/" = the whole organisation) in that month. ' +
      'Rows for fewer than k people are refused. If any row is invalid nothing is written. Each (signal, month) in the file replaces what was stored for it and is audited by the privacy engine before anything is shown.',
  })
  importSignalObservations(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('csv') csv: string): Promise<SignalImportResultModel> {
    return this.signalsService.importObservations(tx, { viewer }, csv);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @RateLimit(IMPORT_LIMITS) // runs the privacy engine over every imported month
  @Mutation(() => SignalImportResultModel, {
    description: 'Audits every imported month again with the current anonymity threshold (after k was raised, older months show as withheld until this runs).',
  })
  republishSignalObservations(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx): Promise<SignalImportResultModel> {
    return this.signalsService.republishAll(tx, viewer.tenantId, viewer);
  }

  @Roles('TENANT_ADMIN')
  @Query(() => [SignalImportKeyModel], { description: 'API keys HR systems use to post signal observations (secrets are never shown again).' })
  signalImportKeys(@TenantTx() tx: Tx): Promise<SignalImportKeyModel[]> {
    return this.signalsService.importKeys(tx);
  }

  @Roles('TENANT_ADMIN')
  @Mutation(() => CreatedSignalImportKeyModel)
  createSignalImportKey(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('name') name: string): Promise<CreatedSignalImportKeyModel> {
    if (name.trim().length < 2 || name.length > 80) throw badInput('name must be 2 to 80 characters');
    return this.signalsService.createImportKey(tx, viewer, name);
  }

  @Roles('TENANT_ADMIN')
  @Mutation(() => SignalImportKeyModel)
  revokeSignalImportKey(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('id', { type: () => ID }, uuid) id: string): Promise<SignalImportKeyModel> {
    return this.signalsService.revokeImportKey(tx, viewer, id);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER', 'MANAGER')
  @Query(() => CultureOverviewModel, {
    description:
      'Monthly series of every signal (audited releases only; hidden points carry a reason, never a value) and of the KPIs around the unit, on one month axis. ' +
      'Default window: the last 12 months. Managers see their own unit and below. Nothing is ranked: children come in org-tree order.',
  })
  cultureOverview(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args() args: CultureOverviewArgs): Promise<CultureOverviewModel> {
    return this.overviewService.overview(tx, viewer, args);
  }
}

