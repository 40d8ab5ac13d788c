import { Injectable } from '@nestjs/common';
import type { Prisma, Tx } from '@pulsewise/db';

const QUESTION = { id: true, key: true, version: true, signalKey: true, type: true, text: true, active: true } as const;
const PROGRAMME = {
  id: true, name: true, cadence: true, openDays: true, questionsPerRound: true, questionKeys: true, status: true, startsAt: true,
  audience: { select: { orgUnitId: true, excluded: true } },
} as const;
export type ProgrammeRow = Prisma.PulseProgrammeGetPayload<{ select: typeof PROGRAMME }>;

@Injectable()
export class SurveysRepository {
  currentQuestions(tx: Tx) {
    return tx.question.findMany({ where: { current: true }, select: QUESTION, orderBy: { key: 'asc' } });
  }

  currentQuestion(tx: Tx, key: string) {
    return tx.question.findFirst({ where: { key, current: true }, select: QUESTION });
  }

  async createQuestion(tx: Tx, tenantId: string, data: { key: string; signalKey: string; type: Prisma.QuestionCreateManyInput['type']; text: string }) {
    return tx.question.create({ data: { tenantId, ...data }, select: QUESTION });
  }

  /** A wording change retires the current version and adds the next one under the same key. */
  async newVersion(tx: Tx, tenantId: string, current: { id: string; key: string; version: number; signalKey: string; type: Prisma.QuestionCreateManyInput['type'] }, text: string, active: boolean) {
    await tx.question.update({ where: { tenantId_id: { tenantId, id: current.id } }, data: { current: false } });
    return tx.question.create({ data: { tenantId, key: current.key, version: current.version + 1, signalKey: current.signalKey, type: current.type, text, active }, select: QUESTION });
  }

  setActive(tx: Tx, tenantId: string, id: string, active: boolean) {
    return tx.question.update({ where: { tenantId_id: { tenantId, id } }, data: { active }, select: QUESTION });
  }

  programmes(tx: Tx) {
    return tx.pulseProgramme.findMany({ select: PROGRAMME, orderBy: { createdAt: 'asc' } });
  }

  programme(tx: Tx, tenantId: string, id: string) {
    return tx.pulseProgramme.findUnique({ where: { tenantId_id: { tenantId, id } }, select: PROGRAMME });
  }

  async createProgramme(tx: Tx, tenantId: string, data: Omit<Prisma.PulseProgrammeCreateManyInput, 'tenantId'>, audience: { orgUnitId: string; excluded: boolean }[]) {
    const { id } = await tx.pulseProgramme.create({ data: { ...data, tenantId }, select: { id: true } });
    await tx.programmeAudience.createMany({ data: audience.map((a) => ({ ...a, tenantId, programmeId: id })) });
    return tx.pulseProgramme.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id } }, select: PROGRAMME });
  }

  setProgrammeStatus(tx: Tx, tenantId: string, id: string, status: 'ACTIVE' | 'PAUSED') {
    return tx.pulseProgramme.update({ where: { tenantId_id: { tenantId, id } }, data: { status }, select: PROGRAMME });
  }

  openRound(tx: Tx, programmeId: string) {
    return tx.pulseRound.findFirst({ where: { programmeId, status: 'OPEN', closesAt: { gt: new Date() } }, select: { closesAt: true } });
  }

  rounds(tx: Tx, programmeId: string) {
    return tx.pulseRound.findMany({ where: { programmeId }, orderBy: { sequence: 'desc' } });
  }

  unitIds(tx: Tx, ids: string[]) {
    return tx.orgUnit.findMany({ where: { id: { in: ids } }, select: { id: true } });
  }

}
