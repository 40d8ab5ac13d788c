import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Tx } from '@pulsewise/db';
import { CurrentViewer, TenantTx } from '../../common/auth/current.decorators.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { IMPORT_LIMITS, RateLimit } from '../../common/rate-limit/rate-limit.decorator.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import { CreateKpiInput, RecordKpiObservationsInput, UpdateKpiInput } from './dto/kpi.inputs.js';
import { KpisService } from './kpis.service.js';
import { KpiImportResultModel, KpiModel, KpiObservationModel } from './models/kpi.models.js';

const uuid = new ParseUUIDPipe();

@Resolver()
export class KpisResolver {
  constructor(private readonly kpisService: KpisService) {}

  @Roles('TENANT_ADMIN', 'HR_LEADER', 'MANAGER')
  @Query(() => [KpiModel], { description: 'The tenant\'s KPIs, in org-tree order of their owning unit.' })
  kpis(@TenantTx() tx: Tx): Promise<KpiModel[]> {
    return this.kpisService.kpis(tx);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER', 'MANAGER')
  @Query(() => [KpiObservationModel], { description: 'Monthly figures of one KPI, by month (default: the last 12 months).' })
  kpiObservations(
    @CurrentViewer() viewer: Viewer,
    @TenantTx() tx: Tx,
    @Args('kpiId', { type: () => ID }, uuid) kpiId: string,
    @Args('from', { nullable: true, type: () => String }) from?: string,
    @Args('to', { nullable: true, type: () => String }) to?: string,
  ): Promise<KpiObservationModel[]> {
    return this.kpisService.kpiObservations(tx, viewer, kpiId, from ?? undefined, to ?? undefined);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @Mutation(() => KpiModel)
  createKpi(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('input') input: CreateKpiInput): Promise<KpiModel> {
    return this.kpisService.createKpi(tx, viewer, input);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @Mutation(() => KpiModel)
  updateKpi(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('input') input: UpdateKpiInput): Promise<KpiModel> {
    return this.kpisService.updateKpi(tx, viewer, input);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @Mutation(() => Boolean, { description: 'Deletes the KPI and its monthly figures.' })
  deleteKpi(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('id', { type: () => ID }, uuid) id: string): Promise<boolean> {
    return this.kpisService.deleteKpi(tx, viewer, id);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @Mutation(() => [KpiObservationModel], { description: 'Sets the figure of each given month (validated as a whole; nothing is written if any month is invalid).' })
  recordKpiObservations(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('input') input: RecordKpiObservationsInput): Promise<KpiObservationModel[]> {
    return this.kpisService.recordKpiObservations(tx, viewer, input);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @RateLimit(IMPORT_LIMITS)
  @Mutation(() => KpiImportResultModel, { description: 'CSV with columns kpi,month,value (kpi = the KPI key, month = YYYY-MM). If any row is invalid nothing is written.' })
  importKpiObservations(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('csv') csv: string): Promise<KpiImportResultModel> {
    return this.kpisService.importKpiObservations(tx, viewer, csv);
  }
}
