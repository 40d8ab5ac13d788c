import { Injectable } from '@nestjs/common';
import type { Tx } from '@pulsewise/db';

@Injectable()
export class AlignmentRepository {
  person(tx: Tx, tenantId: string, id: string) {
    return tx.person.findUnique({ where: { tenantId_id: { tenantId, id } }, select: { id: true, displayName: true, managerId: true, active: true } });
  }

  directReports(tx: Tx, managerId: string) {
    return tx.person.findMany({ where: { managerId, active: true }, select: { id: true, displayName: true }, orderBy: [{ displayName: 'asc' }, { id: 'asc' }] });
  }

  /** Statements about `subjectId` in a quarter, with their authors. */
  about(tx: Tx, subjectId: string, quarter: string) {
    return tx.successStatement.findMany({
      where: { subjectPersonId: subjectId, quarter },
      select: { authorPersonId: true, statements: true, shared: true, updatedAt: true, author: { select: { displayName: true } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  async save(tx: Tx, tenantId: string, subjectId: string, authorId: string, quarter: string, statements: string[]) {
    const where = { tenantId_subjectPersonId_quarter_authorPersonId: { tenantId, subjectPersonId: subjectId, quarter, authorPersonId: authorId } };
    if (statements.length === 0) {
      await tx.successStatement.deleteMany({ where: { subjectPersonId: subjectId, quarter, authorPersonId: authorId } });
      return;
    }
    await tx.successStatement.upsert({ where, create: { tenantId, subjectPersonId: subjectId, authorPersonId: authorId, quarter, statements }, update: { statements } });
  }

  setShared(tx: Tx, personId: string, quarter: string, shared: boolean) {
    return tx.successStatement.updateMany({ where: { subjectPersonId: personId, authorPersonId: personId, quarter }, data: { shared } });
  }
}
