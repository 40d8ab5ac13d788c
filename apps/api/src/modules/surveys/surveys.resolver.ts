import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Tx } from '@pulsewise/db';
import { CurrentViewer, TenantTx } from '../../common/auth/current.decorators.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import type { RequestContext, Viewer } from '../../common/graphql/request-context.js';
import { CreateProgrammeInput, CreateQuestionInput, UpdateQuestionInput } from './dto/survey.inputs.js';
import { PulseProgrammeModel, PulseRoundModel, QuestionModel } from './models/survey.models.js';
import { SurveyScheduler } from './survey-scheduler.js';
import { SurveysService } from './surveys.service.js';

const uuid = new ParseUUIDPipe();

@Resolver()
export class SurveysResolver {
  constructor(
    private readonly surveys: SurveysService,
    private readonly scheduler: SurveyScheduler,
  ) {}

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @Query(() => [QuestionModel], { description: 'The current version of every question in the bank.' })
  questions(@TenantTx() tx: Tx): Promise<QuestionModel[]> {
    return this.surveys.questions(tx);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @Mutation(() => QuestionModel)
  createQuestion(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('input') input: CreateQuestionInput): Promise<QuestionModel> {
    return this.surveys.createQuestion(tx, viewer, input);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @Mutation(() => QuestionModel, { description: 'New wording creates a new version under the same key; trends follow the key.' })
  updateQuestion(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('input') input: UpdateQuestionInput): Promise<QuestionModel> {
    return this.surveys.updateQuestion(tx, viewer, input);
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @Query(() => [PulseProgrammeModel])
  pulseProgrammes(@TenantTx() tx: Tx): Promise<PulseProgrammeModel[]> {
    return this.surveys.programmes(tx);
  }

  @Roles('TENANT_ADMIN')
  @Mutation(() => PulseProgrammeModel, { description: 'Creates the programme and schedules its rounds.' })
  async createPulseProgramme(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Context() ctx: RequestContext, @Args('input') input: CreateProgrammeInput): Promise<PulseProgrammeModel> {
    const programme = await this.surveys.createProgramme(tx, viewer, input);
    ctx.requestTx.afterCommit(() => this.scheduler.schedule(viewer.tenantId, programme));
    return programme;
  }

  @Roles('TENANT_ADMIN')
  @Mutation(() => PulseProgrammeModel, { description: 'No new rounds until resumed; open rounds finish normally.' })
  async pausePulseProgramme(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Context() ctx: RequestContext, @Args('id', { type: () => ID }, uuid) id: string): Promise<PulseProgrammeModel> {
    const programme = await this.surveys.setStatus(tx, viewer, id, 'PAUSED');
    ctx.requestTx.afterCommit(() => this.scheduler.unschedule(id));
    return programme;
  }

  @Roles('TENANT_ADMIN')
  @Mutation(() => PulseProgrammeModel)
  async resumePulseProgramme(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Context() ctx: RequestContext, @Args('id', { type: () => ID }, uuid) id: string): Promise<PulseProgrammeModel> {
    const programme = await this.surveys.setStatus(tx, viewer, id, 'ACTIVE');
    ctx.requestTx.afterCommit(() => this.scheduler.schedule(viewer.tenantId, programme));
    return programme;
  }

  @Roles('TENANT_ADMIN')
  @Mutation(() => Boolean, { description: 'Launches a round now, outside the cadence.' })
  async launchPulseRound(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Context() ctx: RequestContext, @Args('programmeId', { type: () => ID }, uuid) programmeId: string): Promise<boolean> {
    await this.surveys.requireActiveProgramme(tx, viewer, programmeId);
    ctx.requestTx.afterCommit(() => this.scheduler.launchNow(viewer.tenantId, programmeId));
    return true;
  }

  @Roles('TENANT_ADMIN', 'HR_LEADER')
  @Query(() => [PulseRoundModel])
  pulseRounds(@CurrentViewer() viewer: Viewer, @TenantTx() tx: Tx, @Args('programmeId', { type: () => ID }, uuid) programmeId: string): Promise<PulseRoundModel[]> {
    return this.surveys.rounds(tx, viewer, programmeId);
  }
}
