// The tenant's audit log, read by its admins: who did what, when, with the old
// and new values of a change. Append-only (the app role cannot update or delete
// it); this is its only reader.
import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Tx } from '@pulsewise/db';
import { CurrentViewer, TenantTx } from '../../common/auth/current.decorators.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { badInput } from '../../common/errors/domain-error.js';
import type { Viewer } from '../../common/graphql/request-context.js';

@ObjectType('AuditEvent')
export class AuditEventModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'e.g. policy.changed, directory.imported, programme.created.' }) action!: string;
  @Field({ description: 'Who acted: a person of this organisation, or "Pulsewise platform" for platform actions.' }) actor!: string;
  @Field({ description: 'What changed, as JSON (old → new values for policy changes). Never answers, comments or secrets.' }) details!: string;
  @Field() occurredAt!: Date;
}

@ObjectType('AuditEventPage')
export class AuditEventPageModel {
  @Field(() => [AuditEventModel]) items!: AuditEventModel[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next (older) page.' }) nextCursor!: string | null;
}

@Resolver()
export class AuditResolver {
  @Roles('TENANT_ADMIN')
  @Query(() => AuditEventPageModel, { description: "This organisation's audit log, newest first." })
  async auditLog(
    @CurrentViewer() viewer: Viewer,
    @TenantTx() tx: Tx,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<AuditEventPageModel> {
    if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput('first must be between 1 and 200');
    const cursor = after ? decodeCursor(after) : null;
    const rows = await tx.auditEvent.findMany({
      where: cursor ? { OR: [{ occurredAt: { lt: cursor.at } }, { occurredAt: cursor.at, id: { gt: cursor.id } }] } : {},
      orderBy: [{ occurredAt: 'desc' }, { id: 'asc' }],
      take: first + 1,
    });
    const page = rows.slice(0, first);
    const people = await tx.person.findMany({
      where: { id: { in: [...new Set(page.flatMap((r) => (r.actorPersonId && r.actorTenantId === viewer.tenantId ? [r.actorPersonId] : [])))] } },
      select: { id: true, displayName: true, email: true },
    });
    const name = new Map(people.map((p) => [p.id, `${p.displayName} <${p.email}>`]));
    return Object.assign(new AuditEventPageModel(), {
      items: page.map((r) =>
        Object.assign(new AuditEventModel(), {
          id: r.id,
          action: r.action,
          actor:
            r.actorTenantId !== viewer.tenantId
              ? 'Pulsewise platform'
              : r.actorPersonId === null && r.action.startsWith('scim.')
                ? 'Identity provider (SCIM)' // SCIM changes are made by a token, not a person
                : (name.get(r.actorPersonId ?? '') ?? 'A former member'),
          details: JSON.stringify(r.details),
          occurredAt: r.occurredAt,
        }),
      ),
      nextCursor: rows.length > first && page.length ? encodeCursor(page.at(-1)!) : null,
    });
  }
}

function encodeCursor(row: { occurredAt: Date; id: string }): string {
  return Buffer.from(`${row.occurredAt.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || Number.isNaN(at.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw badInput('Invalid cursor');
  return { at, id };
}
