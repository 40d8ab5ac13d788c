import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Tx } from '@pulsewise/db';
import { CurrentViewer, TenantTx } from '../../common/auth/current.decorators.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import { AlignmentService } from './alignment.service.js';
import { SaveMySuccessStatementsInput, SaveReportSuccessStatementsInput, ShareMySuccessStatementsInput } from './dto/alignment.inputs.js';
import { MySuccessAlignmentModel, ReportSuccessAlignmentModel } from './models/alignment.models.js';

const uuid = new ParseUUIDPipe();
const quarterArg = { nullable: true, type: () => String, description: 'YYYY-Qn; default: the current quarter.' } as const;

// Every tenant role may use the "my" operations (everyone is someone's report); what each
// caller can read is decided by relationship in the service, never by role.
@Resolver()
export class AlignmentResolver {
  constructor(private readonly alignment: AlignmentService) {}

  @Roles('EMPLOYEE', 'MANAGER', 'HR_LEADER', 'TENANT_ADMIN')
  @Query(() => MySuccessAlignmentModel, { description: 'My own success statements next to what my manager wrote for me. Nobody else sees mine unless I share them with my manager.' })
  mySuccessAlignment(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('quarter', quarterArg) quarter?: string): Promise<MySuccessAlignmentModel> {
    return this.alignment.mine(tx, viewer, quarter);
  }

  @Roles('EMPLOYEE', 'MANAGER', 'HR_LEADER', 'TENANT_ADMIN')
  @Mutation(() => MySuccessAlignmentModel, { description: 'Saves my statements for the quarter; sharing does not change.' })
  saveMySuccessStatements(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('input') input: SaveMySuccessStatementsInput): Promise<MySuccessAlignmentModel> {
    return this.alignment.saveMine(tx, viewer, input);
  }

  @Roles('EMPLOYEE', 'MANAGER', 'HR_LEADER', 'TENANT_ADMIN')
  @Mutation(() => MySuccessAlignmentModel, { description: 'Shares my statements with my manager, or makes them private again.' })
  shareMySuccessStatements(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('input') input: ShareMySuccessStatementsInput): Promise<MySuccessAlignmentModel> {
    return this.alignment.shareMine(tx, viewer, input);
  }

  @Roles('MANAGER')
  @Query(() => [ReportSuccessAlignmentModel], { description: 'My direct reports (by name): what I wrote for each, and their own statements where they shared them.' })
  myReportsSuccessAlignment(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('quarter', quarterArg) quarter?: string): Promise<ReportSuccessAlignmentModel[]> {
    return this.alignment.reports(tx, viewer, quarter);
  }

  @Roles('MANAGER')
  @Query(() => ReportSuccessAlignmentModel, { description: 'One direct report. Anyone who is not the person\'s manager gets NOT_FOUND.' })
  reportSuccessAlignment(
    @CurrentViewer() viewer: Viewer,
    @TenantTx() tx: Tx,
    @Args('personId', { type: () => ID }, uuid) personId: string,
    @Args('quarter', quarterArg) quarter?: string,
  ): Promise<ReportSuccessAlignmentModel> {
    return this.alignment.report(tx, viewer, personId, quarter);
  }

  @Roles('MANAGER')
  @Mutation(() => ReportSuccessAlignmentModel, { description: 'What I, as their manager, consider success for a direct report this quarter (they always see it).' })
  saveReportSuccessStatements(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('input') input: SaveReportSuccessStatementsInput): Promise<ReportSuccessAlignmentModel> {
    return this.alignment.saveForReport(tx, viewer, input);
  }
}
