import { Injectable } from '@nestjs/common';
import { recordAudit } from '../../common/audit/audit-log.js';
import type { Tx } from '@pulsewise/db';
import { badInput, conflict, notFound } from '../../common/errors/domain-error.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import type { CreateProgrammeInput, CreateQuestionInput, UpdateQuestionInput } from './dto/survey.inputs.js';
import { PulseProgrammeModel, PulseRoundModel, QuestionModel } from './models/survey.models.js';
import { SurveysRepository, type ProgrammeRow } from './surveys.repository.js';

@Injectable()
export class SurveysService {
  constructor(private readonly repo: SurveysRepository) {}

  async questions(tx: Tx): Promise<QuestionModel[]> {
    return (await this.repo.currentQuestions(tx)).map((q) => Object.assign(new QuestionModel(), q));
  }

  async createQuestion(tx: Tx, viewer: Viewer, input: CreateQuestionInput): Promise<QuestionModel> {
    if (await this.repo.currentQuestion(tx, input.key)) throw conflict(`A question with key "${input.key}" already exists. Edit it to create a new version.`, { field: 'key' });
    const created = await this.repo.createQuestion(tx, viewer.tenantId, input);
    await recordAudit(tx, viewer, 'question.created', { key: input.key });
    return Object.assign(new QuestionModel(), created);
  }

  async updateQuestion(tx: Tx, viewer: Viewer, input: UpdateQuestionInput): Promise<QuestionModel> {
    const current = await this.repo.currentQuestion(tx, input.key);
    if (!current) throw notFound('Question');
    const active = input.active ?? current.active;
    const updated =
      input.text && input.text !== current.text
        ? await this.repo.newVersion(tx, viewer.tenantId, current, input.text, active)
        : await this.repo.setActive(tx, viewer.tenantId, current.id, active);
    await recordAudit(tx, viewer, 'question.updated', { key: input.key, version: updated.version, active });
    return Object.assign(new QuestionModel(), updated);
  }

  async programmes(tx: Tx): Promise<PulseProgrammeModel[]> {
    return (await this.repo.programmes(tx)).map(toProgrammeModel);
  }

  /** Creates the programme; the resolver schedules its rounds once the transaction has committed. */
  async createProgramme(tx: Tx, viewer: Viewer, input: CreateProgrammeInput): Promise<PulseProgrammeModel> {
    const keys = [...new Set(input.questionKeys)];
    if (keys.length < input.questionsPerRound) throw badInput(`Choose at least ${input.questionsPerRound} different questions for ${input.questionsPerRound} questions per round.`, { field: 'questionKeys' });
    const questions = await this.repo.currentQuestions(tx);
    const unknown = keys.filter((k) => !questions.some((q) => q.key === k && q.active));
    if (unknown.length) throw badInput(`Unknown or inactive question key${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, { field: 'questionKeys' });
    const unitIds = [...new Set([...input.audienceUnitIds, ...input.excludedUnitIds])];
    if ((await this.repo.unitIds(tx, unitIds)).length !== unitIds.length) throw notFound('Org unit');
    const audience = [
      ...input.audienceUnitIds.map((orgUnitId) => ({ orgUnitId, excluded: false })),
      ...input.excludedUnitIds.filter((id) => !input.audienceUnitIds.includes(id)).map((orgUnitId) => ({ orgUnitId, excluded: true })),
    ];
    const created = await this.repo.createProgramme(
      tx,
      viewer.tenantId,
      { name: input.name, cadence: input.cadence, openDays: input.openDays, questionsPerRound: input.questionsPerRound, questionKeys: keys, startsAt: input.startsAt ?? new Date() },
      audience,
    );
    await recordAudit(tx, viewer, 'programme.created', { programmeId: created.id, name: input.name, cadence: input.cadence });
    return toProgrammeModel(created);
  }

  async setStatus(tx: Tx, viewer: Viewer, id: string, status: 'ACTIVE' | 'PAUSED'): Promise<PulseProgrammeModel> {
    if (!(await this.repo.programme(tx, viewer.tenantId, id))) throw notFound('Programme');
    const updated = await this.repo.setProgrammeStatus(tx, viewer.tenantId, id, status);
    await recordAudit(tx, viewer, status === 'PAUSED' ? 'programme.paused' : 'programme.resumed', { programmeId: id });
    return toProgrammeModel(updated);
  }

  async requireActiveProgramme(tx: Tx, viewer: Viewer, id: string): Promise<ProgrammeRow> {
    const programme = await this.repo.programme(tx, viewer.tenantId, id);
    if (!programme) throw notFound('Programme');
    if (programme.status !== 'ACTIVE') throw conflict('This programme is paused. Resume it to launch a round.');
    const open = await this.repo.openRound(tx, id);
    if (open) throw conflict(`A round of this programme is open until ${open.closesAt.toISOString()}. Launch the next one after it closes.`);
    await recordAudit(tx, viewer, 'programme.launched', { programmeId: id });
    return programme;
  }

  async rounds(tx: Tx, viewer: Viewer, programmeId: string): Promise<PulseRoundModel[]> {
    if (!(await this.repo.programme(tx, viewer.tenantId, programmeId))) throw notFound('Programme');
    return (await this.repo.rounds(tx, programmeId)).map((r) => {
      // Participation figures follow the same threshold as every other figure: with fewer
      // than k invited or responding, neither the count nor the rate is shown.
      const shown = r.status === 'CLOSED' && r.respondedCount !== null && r.invitedCount >= r.anonymityThreshold && r.respondedCount >= r.anonymityThreshold;
      return Object.assign(new PulseRoundModel(), {
        ...r,
        respondedCount: shown ? r.respondedCount : null,
        responseRate: shown ? r.respondedCount! / r.invitedCount : null,
      });
    });
  }

}

export function toProgrammeModel(p: ProgrammeRow): PulseProgrammeModel {
  return Object.assign(new PulseProgrammeModel(), {
    ...p,
    audienceUnitIds: p.audience.filter((a) => !a.excluded).map((a) => a.orgUnitId),
    excludedUnitIds: p.audience.filter((a) => a.excluded).map((a) => a.orgUnitId),
  });
}
