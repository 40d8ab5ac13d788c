// Catalog and isolation checks that hold for every tenant table, present and future.
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from './testing/index.js';
import { createPrismaClient, withPlatform, withTenant, type Db } from './index.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MIGRATIONS_DIR } from './migrate.js';

interface DmmfField { name: string; dbName?: string | null; kind: string; type: string; isList: boolean; isRequired: boolean; nativeType?: [string, unknown[]] | null }
interface DmmfModel { name: string; dbName: string | null; fields: DmmfField[] }

/** The schema's data model, read by Prisma's own schema parser (the one `prisma generate` uses). */
function prismaModels(): DmmfModel[] {
  const wasm = createRequire(import.meta.url)('@prisma/prisma-schema-wasm') as { get_dmmf(params: string): string };
  const prismaSchema = readFileSync(path.join(MIGRATIONS_DIR, '..', 'schema.prisma'), 'utf8');
  return (JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema }))) as { datamodel: { models: DmmfModel[] } }).datamodel.models;
}

let db: TestDatabase;
let admin: pg.Client;
let prisma: Db;

beforeAll(async () => {
  db = await createTestDatabase('db');
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  prisma = createPrismaClient(db.appUrl);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await admin?.end();
  await db?.drop();
});

async function tenantTables(): Promise<string[]> {
  const { rows } = await admin.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

describe('catalog', () => {
  it('forces row-level security on every table with a tenant_id column, and on tenants', async () => {
    const tables = [...(await tenantTables()), 'tenants'];
    expect(tables.length).toBeGreaterThan(5);
    const { rows } = await admin.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
       WHERE relnamespace = 'public'::regnamespace AND relname = ANY($1)`,
      [tables],
    );
    expect(rows).toHaveLength(tables.length);
    for (const r of rows) expect({ table: r.relname, rls: r.relrowsecurity, force: r.relforcerowsecurity }).toEqual({ table: r.relname, rls: true, force: true });
  });

  it('gives every tenant table a policy keyed on app.tenant_id', async () => {
    for (const table of await tenantTables()) {
      const { rows } = await admin.query<{ qual: string }>(
        `SELECT qual FROM pg_policies WHERE schemaname = 'public' AND tablename = $1 AND policyname = 'tenant_isolation'`,
        [table],
      );
      expect({ table, qual: rows[0]?.qual ?? '' }).toEqual({ table, qual: expect.stringContaining('app_current_tenant()') });
    }
  });

  it('connects the app as a role that is not superuser, not BYPASSRLS and owns nothing', async () => {
    const { rows } = await admin.query(
      `SELECT rolsuper, rolbypassrls, (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
       FROM pg_roles r WHERE rolname = 'pulsewise_app'`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it('includes tenant_id in every primary key, unique index and foreign key of a tenant table', async () => {
    const tables = await tenantTables();
    const { rows: indexes } = await admin.query<{ table: string; index: string; cols: string[] }>(
      `SELECT t.relname AS table, i.relname AS index,
              array_agg(a.attname::text) AS cols
       FROM pg_index x
       JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(x.indkey)
       WHERE (x.indisunique OR x.indisprimary) AND t.relname = ANY($1)
       GROUP BY t.relname, i.relname`,
      [tables],
    );
    expect(indexes.length).toBeGreaterThanOrEqual(tables.length);
    for (const ix of indexes) expect({ index: ix.index, hasTenant: ix.cols.includes('tenant_id') }).toEqual({ index: ix.index, hasTenant: true });

    const { rows: fks } = await admin.query<{ name: string; cols: string[]; target: string }>(
      `SELECT c.conname AS name, c.confrelid::regclass::text AS target,
              (SELECT array_agg(a.attname::text) FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)) AS cols
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
       WHERE c.contype = 'f' AND t.relname = ANY($1)`,
      [tables],
    );
    for (const fk of fks) expect({ fk: fk.name, hasTenant: fk.cols.includes('tenant_id') }).toEqual({ fk: fk.name, hasTenant: true });
  });

  it('lets the app role only append to the audit log', async () => {
    const { rows } = await admin.query<{ privilege_type: string }>(
      `SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'pulsewise_app' AND table_name = 'audit_events' ORDER BY 1`,
    );
    expect(rows.map((r) => r.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });
});

describe('unlinkable answers (PRIVACY.md promise 7)', () => {
  const ANSWER_TABLES = ['responses', 'response_comments'];

  it('keeps no person, no time and no ordered id in the tables that hold answers', async () => {
    const { rows } = await admin.query<{ table_name: string; column_name: string; data_type: string; column_default: string | null; is_identity: string }>(
      `SELECT table_name, column_name, data_type, column_default, is_identity FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = ANY($1)`,
      [ANSWER_TABLES],
    );
    expect(new Set(rows.map((r) => r.table_name))).toEqual(new Set(ANSWER_TABLES));
    for (const c of rows) {
      const where = `${c.table_name}.${c.column_name}`;
      expect({ where, personish: /person|user|email|ip|agent|invitation|token/.test(c.column_name) }).toEqual({ where, personish: false });
      expect({ where, timeish: /time|date/.test(c.data_type) || /_at$|_on$/.test(c.column_name) }).toEqual({ where, timeish: false });
      // No sequences, identities or server-generated (possibly time-ordered) ids: the submitter picks a random UUID.
      expect({ where, generated: c.is_identity === 'YES' || Boolean(c.column_default) }).toEqual({ where, generated: false });
    }
  });

  it('gives the answer tables no foreign key to people or invitations', async () => {
    const { rows } = await admin.query<{ target: string }>(
      `SELECT c.confrelid::regclass::text AS target FROM pg_constraint c
       WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1)`,
      [ANSWER_TABLES],
    );
    expect(rows.map((r) => r.target).filter((t) => !['tenants', 'pulse_rounds'].includes(t))).toEqual([]);
  });

  it('does not let the app role edit an answer once written', async () => {
    const { rows } = await admin.query<{ table_name: string; privilege_type: string }>(
      `SELECT table_name, privilege_type FROM information_schema.role_table_grants WHERE grantee = 'pulsewise_app' AND table_name = ANY($1) AND privilege_type = 'UPDATE'`,
      [ANSWER_TABLES],
    );
    expect(rows).toEqual([]);
  });
});

describe('Prisma schema and migrated database', () => {
  it('agree on every model table and column (types and nullability)', async () => {
    const { rows } = await admin.query<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO'; udt_name: string }>(
      `SELECT table_name, column_name, is_nullable, udt_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const dbColumns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
    const dbTables = new Set(rows.map((r) => r.table_name));
    const scalarTypes: Record<string, string> = { String: 'text', Int: 'int4', Boolean: 'bool', DateTime: 'timestamp', Json: 'jsonb', BigInt: 'int8', Float: 'float8', Bytes: 'bytea' };
    const nativeTypes: Record<string, string> = { Uuid: 'uuid', Timestamptz: 'timestamptz', Date: 'date', SmallInt: 'int2', Char: 'bpchar', VarChar: 'varchar' };
    const modelTables = new Set<string>();
    for (const model of prismaModels()) {
      const table = model.dbName ?? model.name;
      modelTables.add(table);
      for (const field of model.fields) {
        if (field.kind === 'object') continue;
        const column = dbColumns.get(`${table}.${field.dbName ?? field.name}`);
        expect({ column: `${table}.${field.dbName ?? field.name}`, exists: Boolean(column) }).toEqual({ column: `${table}.${field.dbName ?? field.name}`, exists: true });
        if (!column) continue;
        const base = field.kind === 'enum' ? field.type : (field.nativeType ? nativeTypes[field.nativeType[0]] : scalarTypes[field.type]) ?? `?${field.type}`;
        const expected = field.isList ? `_${base}` : base;
        expect({ column: `${table}.${column.column_name}`, type: column.udt_name }).toEqual({ column: `${table}.${column.column_name}`, type: expected });
        // Prisma lists are nullable columns in PostgreSQL; every other required field is NOT NULL.
        if (!field.isList) {
          expect({ column: `${table}.${column.column_name}`, nullable: column.is_nullable === 'YES' }).toEqual({ column: `${table}.${column.column_name}`, nullable: !field.isRequired });
        }
      }
    }
    // …and the database has no table the schema does not know about.
    expect([...dbTables].filter((t) => !modelTables.has(t))).toEqual([]);
  });
});

describe('row-level security at runtime', () => {
  let tenantA: string;
  let tenantB: string;

  beforeAll(async () => {
    const bootstrapActor = { tenantId: '00000000-0000-0000-0000-000000000000', personId: '00000000-0000-0000-0000-000000000000' };
    const platform = await withPlatform(prisma, bootstrapActor, async (tx, audit) => {
      const t = await tx.tenant.create({ data: { slug: 'platform-test', name: 'Platform', kind: 'PLATFORM' } });
      await audit.record('test.setup', t.id);
      return t;
    });
    const actor = { tenantId: platform.id, personId: '00000000-0000-0000-0000-000000000001' };
    const create = (slug: string) =>
      withPlatform(prisma, actor, async (tx, audit) => {
        const t = await tx.tenant.create({ data: { slug, name: slug.toUpperCase() } });
        await audit.record('tenant.created', t.id);
        return t.id;
      });
    tenantA = await create('a');
    tenantB = await create('b');
    for (const tenantId of [tenantA, tenantB]) {
      await withTenant(prisma, tenantId, (tx) => tx.orgUnit.create({ data: { tenantId, name: 'Root', path: '' } }));
    }
  });

  it('refuses a platform action that records no audit event', async () => {
    const actor = { tenantId: tenantA, personId: tenantA };
    await expect(withPlatform(prisma, actor, (tx) => tx.tenant.create({ data: { slug: 'unrecorded', name: 'X' } }))).rejects.toThrow(/no audit event/);
    const all = await withPlatform(prisma, actor, async (tx, audit) => {
      await audit.record('test.list', tenantA);
      return tx.tenant.findMany({ where: { slug: 'unrecorded' } });
    });
    expect(all).toEqual([]);
  });

  it('shows a transaction with no tenant zero rows of every table', async () => {
    const counts = await prisma.$transaction(async (tx) => ({
      tenants: await tx.tenant.count(),
      orgUnits: await tx.orgUnit.count(),
      audit: await tx.auditEvent.count(),
    }));
    expect(counts).toEqual({ tenants: 0, orgUnits: 0, audit: 0 });
  });

  it('shows a tenant only its own rows', async () => {
    const seen = await withTenant(prisma, tenantA, async (tx) => ({
      tenants: (await tx.tenant.findMany()).map((t) => t.id),
      units: (await tx.orgUnit.findMany()).map((u) => u.tenantId),
    }));
    expect(seen).toEqual({ tenants: [tenantA], units: [tenantA] });
  });

  it('refuses to write a row into another tenant', async () => {
    await expect(withTenant(prisma, tenantA, (tx) => tx.orgUnit.create({ data: { tenantId: tenantB, name: 'Intruder', path: 'x' } }))).rejects.toThrow(/row-level security/);
  });

  it('keeps the tenant setting inside its transaction (pooled connections never leak it)', async () => {
    await withTenant(prisma, tenantA, async (tx) => tx.orgUnit.count());
    const leaked = await prisma.$queryRaw<{ v: string | null }[]>`SELECT current_setting('app.tenant_id', true) AS v`;
    expect(leaked[0]?.v ?? '').toBe('');
  });

  it('records every platform action in the audit log of the tenant it touched', async () => {
    const events = await withTenant(prisma, tenantB, (tx) => tx.auditEvent.findMany());
    expect(events.map((e) => e.action)).toEqual(['tenant.created']);
  });

  it('finds sign-in accounts only through the narrow lookup function', async () => {
    const personId = await withTenant(prisma, tenantA, async (tx) => {
      const root = await tx.orgUnit.findFirstOrThrow();
      return (await tx.person.create({ data: { tenantId: tenantA, email: 'ana@a.test', displayName: 'Ana', orgUnitId: root.id } })).id;
    });
    const direct = await prisma.$queryRaw<unknown[]>`SELECT id FROM people WHERE email = 'ana@a.test'`;
    expect(direct).toEqual([]);
    const found = await prisma.$queryRaw<{ tenant_id: string; person_id: string }[]>`SELECT tenant_id, person_id FROM auth_find_accounts('ANA@a.test')`;
    expect(found).toEqual([{ tenant_id: tenantA, person_id: personId }]);
  });
});
