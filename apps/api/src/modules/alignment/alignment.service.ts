// Personal-success alignment ("Does your boss know your personal KPI?").
// Access follows relationships, never roles: a person reads their own statements
// and what their managers wrote for them; a manager reads what they wrote for a
// direct report, and the report's own statements only once the report shares
// them. HR, admins and leadership get nothing through their role — no operation
// lists anyone else's statements, and the statements never feed any figure.
import { Injectable } from '@nestjs/common';
import type { Tx } from '@pulsewise/db';
import { badInput, notFound } from '../../common/errors/domain-error.js';
import type { Viewer } from '../../common/graphql/request-context.js';
import { AlignmentRepository } from './alignment.repository.js';
import type { SaveMySuccessStatementsInput, SaveReportSuccessStatementsInput, ShareMySuccessStatementsInput } from './dto/alignment.inputs.js';
import { ManagerSuccessStatementsModel, MySuccessAlignmentModel, ReportSuccessAlignmentModel } from './models/alignment.models.js';
import { isQuarter, quarterOf } from './quarters.js';

function resolveQuarter(quarter: string | null | undefined): string {
  const q = quarter ?? quarterOf(new Date());
  if (!isQuarter(q)) throw badInput(`quarter must look like 2026-Q4, not "${q}"`);
  return q;
}

function clean(statements: readonly string[]): string[] {
  const out = statements.map((s) => s.trim().replace(/\s+/g, ' '));
  if (out.some((s) => s.length === 0)) throw badInput('Statements cannot be blank');
  return out;
}

@Injectable()
export class AlignmentService {
  constructor(private readonly repo: AlignmentRepository) {}

  async mine(tx: Tx, viewer: Viewer, quarter?: string | null): Promise<MySuccessAlignmentModel> {
    const q = resolveQuarter(quarter);
    const rows = await this.repo.about(tx, viewer.personId, q);
    const own = rows.find((r) => r.authorPersonId === viewer.personId);
    return Object.assign(new MySuccessAlignmentModel(), {
      quarter: q,
      mine: own?.statements ?? [],
      shared: own?.shared ?? false,
      mineUpdatedAt: own?.updatedAt ?? null,
      fromManagers: rows
        .filter((r) => r.authorPersonId !== viewer.personId)
        .map((r) => Object.assign(new ManagerSuccessStatementsModel(), { authorName: r.author.displayName, statements: r.statements, updatedAt: r.updatedAt })),
    });
  }

  async saveMine(tx: Tx, viewer: Viewer, input: SaveMySuccessStatementsInput): Promise<MySuccessAlignmentModel> {
    const q = resolveQuarter(input.quarter);
    await this.repo.save(tx, viewer.tenantId, viewer.personId, viewer.personId, q, clean(input.statements));
    return this.mine(tx, viewer, q);
  }

  async shareMine(tx: Tx, viewer: Viewer, input: ShareMySuccessStatementsInput): Promise<MySuccessAlignmentModel> {
    const q = resolveQuarter(input.quarter);
    const updated = await this.repo.setShared(tx, viewer.personId, q, input.shared);
    if (updated.count === 0 && input.shared) throw badInput('Write your statements for this quarter before sharing them');
    return this.mine(tx, viewer, q);
  }

  /** The viewer's direct reports, in name order. */
  async reports(tx: Tx, viewer: Viewer, quarter?: string | null): Promise<ReportSuccessAlignmentModel[]> {
    const q = resolveQuarter(quarter);
    const people = await this.repo.directReports(tx, viewer.personId);
    const out: ReportSuccessAlignmentModel[] = [];
    for (const p of people) out.push(await this.view(tx, viewer, p, q));
    return out;
  }

  async report(tx: Tx, viewer: Viewer, personId: string, quarter?: string | null): Promise<ReportSuccessAlignmentModel> {
    const q = resolveQuarter(quarter);
    return this.view(tx, viewer, await this.directReport(tx, viewer, personId), q);
  }

  async saveForReport(tx: Tx, viewer: Viewer, input: SaveReportSuccessStatementsInput): Promise<ReportSuccessAlignmentModel> {
    const q = resolveQuarter(input.quarter);
    const person = await this.directReport(tx, viewer, input.personId);
    await this.repo.save(tx, viewer.tenantId, person.id, viewer.personId, q, clean(input.statements));
    return this.view(tx, viewer, person, q);
  }

  /** Only the person's current manager; anyone else — HR and admins included — is told the person does not exist. */
  private async directReport(tx: Tx, viewer: Viewer, personId: string) {
    const person = await this.repo.person(tx, viewer.tenantId, personId);
    if (!person || !person.active || person.managerId !== viewer.personId || person.id === viewer.personId) throw notFound('Direct report');
    return person;
  }

  private async view(tx: Tx, viewer: Viewer, person: { id: string; displayName: string }, quarter: string): Promise<ReportSuccessAlignmentModel> {
    const rows = await this.repo.about(tx, person.id, quarter);
    const mine = rows.find((r) => r.authorPersonId === viewer.personId);
    const theirs = rows.find((r) => r.authorPersonId === person.id && r.shared);
    return Object.assign(new ReportSuccessAlignmentModel(), { personId: person.id, displayName: person.displayName, quarter, mine: mine?.statements ?? [], theirs: theirs?.statements ?? null });
  }
}
