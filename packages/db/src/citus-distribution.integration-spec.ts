// infra/citus/distribute.sql against the real migrations.
//
// Citus itself cannot be installed on these machines, so the file runs against a model of it: a
// `citus_stub` schema whose create_reference_table / create_distributed_table /
// create_distributed_function record what they were asked in a pg_dist_partition look-alike and raise
// the errors real Citus raises for what our schema could get wrong (rules taken from Citus's
// create_distributed_table.c / foreign_constraint.c / policy.c):
//   - a unique index or primary key of a distributed table must include the distribution column;
//   - a foreign key must point at a Citus table: reference → reference only; distributed → reference, or
//     → a co-located distributed table with the distribution column at the same position on both sides;
//   - a key that includes the distribution column may not use ON UPDATE CASCADE / SET NULL / SET DEFAULT
//     nor ON DELETE SET NULL / SET DEFAULT;
//   - a local table may not keep a foreign key to a table being distributed;
//   - row-level security policies on distributed tables may not contain subqueries.
// Foreign keys the file adds back after distributing are checked against the same rules at the end.
//
// The point: a migration that adds a table with a tenant_id column and forgets infra/citus fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { MIGRATIONS_DIR } from './migrate.js';
import { createTestDatabase, type TestDatabase } from './testing/index.js';

const DISTRIBUTE_SQL = path.resolve(MIGRATIONS_DIR, '../../infra/citus/distribute.sql');

/** Application tables that stay local on the coordinator on purpose (also listed in distribute.sql). */
const LOCAL_TABLES = new Set(['_prisma_migrations']);

const CITUS_MODEL = String.raw`
CREATE SCHEMA citus_stub;
CREATE TABLE citus_stub.pg_dist_partition (
  logicalrelid regclass PRIMARY KEY,
  partmethod "char" NOT NULL,      -- 'h' hash-distributed, 'n' reference
  partkey text,                    -- (real Citus stores a Var node; column_to_column_name reads it)
  colocationid int NOT NULL
);
CREATE TABLE citus_stub.pg_dist_object (classid oid, objid oid, objsubid int DEFAULT 0, PRIMARY KEY (classid, objid, objsubid));

CREATE FUNCTION citus_stub.column_to_column_name(table_name regclass, column_var_text text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT column_var_text $$;

CREATE FUNCTION citus_stub.create_distributed_function(function_name regprocedure, distribution_arg_name text DEFAULT NULL,
                                                       colocate_with text DEFAULT 'default', force_delegation bool DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO citus_stub.pg_dist_object (classid, objid) VALUES ('pg_proc'::regclass, function_name) ON CONFLICT DO NOTHING;
END $$;

-- The checks both table kinds share: every foreign key from and to the table, and its policies.
CREATE FUNCTION citus_stub.check_foreign_keys(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  fk record;
  me citus_stub.pg_dist_partition;
  other citus_stub.pg_dist_partition;
  my_pos int;
  other_pos int;
BEGIN
  SELECT * INTO me FROM citus_stub.pg_dist_partition WHERE logicalrelid = tbl;
  -- A local (non-Citus) table may not reference a Citus table.
  FOR fk IN SELECT conname, conrelid::regclass AS source FROM pg_constraint
            WHERE contype = 'f' AND confrelid = tbl AND conrelid <> tbl
              AND conrelid NOT IN (SELECT logicalrelid FROM citus_stub.pg_dist_partition) LOOP
    RAISE EXCEPTION 'cannot distribute "%": local table "%" references it (%)', tbl, fk.source, fk.conname;
  END LOOP;
  FOR fk IN SELECT conname, confrelid::regclass AS target, conkey, confkey, confupdtype, confdeltype FROM pg_constraint
            WHERE contype = 'f' AND conrelid = tbl LOOP
    IF fk.target = tbl THEN
      other := me;
    ELSE
      SELECT * INTO other FROM citus_stub.pg_dist_partition WHERE logicalrelid = fk.target;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'cannot create foreign key constraint %: referenced table "%" must be a distributed table or a reference table', fk.conname, fk.target;
      END IF;
    END IF;
    IF me.partmethod = 'n' THEN
      IF other.partmethod <> 'n' THEN
        RAISE EXCEPTION 'cannot create foreign key constraint %: foreign keys from reference tables to distributed tables are not supported', fk.conname;
      END IF;
      CONTINUE;
    END IF;
    my_pos := array_position(fk.conkey, (SELECT attnum FROM pg_attribute WHERE attrelid = tbl AND attname = me.partkey));
    IF my_pos IS NOT NULL AND (fk.confupdtype IN ('n', 'd', 'c') OR fk.confdeltype IN ('n', 'd')) THEN
      RAISE EXCEPTION 'cannot create foreign key constraint %: SET NULL, SET DEFAULT or CASCADE is not supported in ON UPDATE (SET NULL / SET DEFAULT in ON DELETE) when distribution key included in the foreign constraint', fk.conname;
    END IF;
    IF other.partmethod = 'n' THEN CONTINUE; END IF;
    IF other.colocationid <> me.colocationid THEN
      RAISE EXCEPTION 'cannot create foreign key constraint % since relations are not colocated', fk.conname;
    END IF;
    other_pos := array_position(fk.confkey, (SELECT attnum FROM pg_attribute WHERE attrelid = other.logicalrelid AND attname = other.partkey));
    IF my_pos IS NULL OR other_pos IS DISTINCT FROM my_pos THEN
      RAISE EXCEPTION 'cannot create foreign key constraint %: the distribution column must be in the same position on both sides', fk.conname;
    END IF;
  END LOOP;
END $$;

CREATE FUNCTION citus_stub.create_reference_table(table_name regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM citus_stub.pg_dist_partition WHERE logicalrelid = table_name) THEN
    RAISE EXCEPTION 'table "%" is already distributed', table_name;
  END IF;
  INSERT INTO citus_stub.pg_dist_partition VALUES (table_name, 'n', NULL, 0);
  PERFORM citus_stub.check_foreign_keys(table_name);
END $$;

CREATE FUNCTION citus_stub.create_distributed_table(table_name regclass, distribution_column text, distribution_type text DEFAULT 'hash',
                                                    colocate_with text DEFAULT 'default', shard_count int DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  col_type oid;
  group_id int;
  ix record;
  pol record;
BEGIN
  IF EXISTS (SELECT 1 FROM citus_stub.pg_dist_partition WHERE logicalrelid = table_name) THEN
    RAISE EXCEPTION 'table "%" is already distributed', table_name;
  END IF;
  SELECT atttypid INTO col_type FROM pg_attribute WHERE attrelid = table_name AND attname = distribution_column AND NOT attisdropped;
  IF col_type IS NULL THEN
    RAISE EXCEPTION 'column "%" of relation "%" does not exist', distribution_column, table_name;
  END IF;
  IF colocate_with = 'none' THEN
    SELECT coalesce(max(colocationid), 0) + 1 INTO group_id FROM citus_stub.pg_dist_partition;
  ELSIF colocate_with = 'default' THEN
    SELECT p.colocationid INTO group_id FROM citus_stub.pg_dist_partition p
    JOIN pg_attribute a ON a.attrelid = p.logicalrelid AND a.attname = p.partkey
    WHERE p.partmethod = 'h' AND a.atttypid = col_type LIMIT 1;
    IF group_id IS NULL THEN SELECT coalesce(max(colocationid), 0) + 1 INTO group_id FROM citus_stub.pg_dist_partition; END IF;
  ELSE
    SELECT p.colocationid INTO group_id FROM citus_stub.pg_dist_partition p
    JOIN pg_attribute a ON a.attrelid = p.logicalrelid AND a.attname = p.partkey
    WHERE p.logicalrelid = colocate_with::regclass AND p.partmethod = 'h' AND a.atttypid = col_type;
    IF group_id IS NULL THEN
      RAISE EXCEPTION 'cannot colocate "%" with "%": it is not a hash-distributed table with a distribution column of the same type', table_name, colocate_with;
    END IF;
  END IF;
  FOR ix IN SELECT i.indexrelid::regclass AS name FROM pg_index i
            WHERE i.indrelid = table_name AND (i.indisunique OR i.indisprimary OR i.indisexclusion)
              AND NOT (SELECT attnum FROM pg_attribute WHERE attrelid = table_name AND attname = distribution_column) = ANY (i.indkey) LOOP
    RAISE EXCEPTION 'cannot create constraint on "%": unique index "%" does not include the distribution column "%"', table_name, ix.name, distribution_column;
  END LOOP;
  FOR pol IN SELECT polname FROM pg_policy
             WHERE polrelid = table_name AND (coalesce(pg_get_expr(polqual, polrelid), '') ~* '\mselect\M' OR coalesce(pg_get_expr(polwithcheck, polrelid), '') ~* '\mselect\M') LOOP
    RAISE EXCEPTION 'cannot create policy % on "%": subqueries are not supported in policies on distributed tables', pol.polname, table_name;
  END LOOP;
  INSERT INTO citus_stub.pg_dist_partition VALUES (table_name, 'h', distribution_column, group_id);
  PERFORM citus_stub.check_foreign_keys(table_name);
END $$;
`;

let db: TestDatabase;
let admin: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase('citus');
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query(CITUS_MODEL);
  // Unqualified Citus names in the file resolve to the model (real Citus keeps them in pg_catalog).
  await admin.query('SET search_path = citus_stub, public');
});
afterAll(async () => {
  await admin?.end();
  await db?.drop();
});

/** Runs the file as psql would with ON_ERROR_STOP; a failure leaves nothing behind (the file is one transaction). */
async function runDistributeSql(): Promise<void> {
  try {
    await admin.query(readFileSync(DISTRIBUTE_SQL, 'utf8'));
  } catch (error) {
    await admin.query('ROLLBACK');
    throw error;
  }
}

interface Table { name: string; hasTenantId: boolean; hasPrimaryKey: boolean }
interface Placement { table: string; method: 'h' | 'n'; column: string | null; group: number }

async function applicationTables(): Promise<Table[]> {
  const { rows } = await admin.query<{ name: string; has_tenant_id: boolean; has_pk: boolean }>(
    `SELECT c.relname AS name,
            EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS has_tenant_id,
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) AS has_pk
     FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  return rows.map((r) => ({ name: r.name, hasTenantId: r.has_tenant_id, hasPrimaryKey: r.has_pk }));
}

async function placements(): Promise<Map<string, Placement>> {
  const { rows } = await admin.query<{ table: string; method: 'h' | 'n'; column: string | null; group: number }>(
    `SELECT logicalrelid::text AS table, partmethod AS method, partkey AS column, colocationid AS group FROM citus_stub.pg_dist_partition`,
  );
  return new Map(rows.map((r) => [r.table, r]));
}

async function foreignKeys(): Promise<Array<{ table: string; name: string; definition: string }>> {
  const { rows } = await admin.query<{ table: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1, 2`,
  );
  return rows;
}

describe('infra/citus/distribute.sql', () => {
  let before: Array<{ table: string; name: string; definition: string }>;

  it('refuses to leave a new tenant table undistributed, and rolls everything back', async () => {
    await admin.query('CREATE TABLE public.citus_probe (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id))');
    try {
      await expect(runDistributeSql()).rejects.toThrow(/not distributed by tenant_id: citus_probe/);
      expect((await placements()).size).toBe(0);
    } finally {
      await admin.query('DROP TABLE public.citus_probe');
    }
  });

  it('runs against the migrated schema without breaking a Citus rule', async () => {
    before = await foreignKeys();
    expect(before.length).toBeGreaterThan(20);
    await runDistributeSql();
  });

  it('distributes every table with a tenant_id column by tenant_id, all in one co-location group', async () => {
    const tables = await applicationTables();
    const placed = await placements();
    const tenantTables = tables.filter((t) => t.hasTenantId);
    expect(tenantTables.length).toBeGreaterThan(20);
    const groups = new Set<number>();
    for (const t of tenantTables) {
      const p = placed.get(t.name);
      expect({ table: t.name, method: p?.method, column: p?.column }).toEqual({ table: t.name, method: 'h', column: 'tenant_id' });
      if (p) groups.add(p.group);
    }
    expect(groups.size).toBe(1);
  });

  it('makes every other application table a reference table, or keeps it local on purpose', async () => {
    const placed = await placements();
    for (const t of (await applicationTables()).filter((t) => !t.hasTenantId)) {
      const kind = LOCAL_TABLES.has(t.name) ? 'local' : placed.get(t.name)?.method === 'n' ? 'reference' : 'unplaced';
      expect({ table: t.name, kind }).toEqual({ table: t.name, kind: LOCAL_TABLES.has(t.name) ? 'local' : 'reference' });
      if (LOCAL_TABLES.has(t.name)) expect(placed.has(t.name)).toBe(false);
    }
    expect(placed.get('tenants')?.method).toBe('n');
  });

  it('gives every Citus table a primary key (the shard rebalancer moves shards by logical replication)', async () => {
    const placed = await placements();
    for (const t of (await applicationTables()).filter((t) => placed.has(t.name))) expect({ table: t.name, pk: t.hasPrimaryKey }).toEqual({ table: t.name, pk: true });
  });

  it('puts every foreign key back, without ON UPDATE CASCADE, and within the Citus rules', async () => {
    const after = await foreignKeys();
    expect(after.map((fk) => `${fk.table}.${fk.name}`)).toEqual(before.map((fk) => `${fk.table}.${fk.name}`));
    const byName = new Map(after.map((fk) => [`${fk.table}.${fk.name}`, fk.definition]));
    for (const fk of before) expect(byName.get(`${fk.table}.${fk.name}`)).toBe(fk.definition.replace(' ON UPDATE CASCADE', ''));
    expect(after.filter((fk) => fk.definition.includes('ON UPDATE CASCADE'))).toEqual([]);
    // Re-check each table's keys now that all of them are back (the model's rules, as at distribution time).
    for (const table of (await placements()).keys()) await admin.query('SELECT citus_stub.check_foreign_keys($1::regclass)', [table]);
  });

  it('distributes the functions the row-level security policies call', async () => {
    const { rows } = await admin.query<{ fn: string }>(`SELECT objid::regprocedure::text AS fn FROM citus_stub.pg_dist_object ORDER BY 1`);
    expect(rows.map((r) => r.fn)).toEqual(['app_current_tenant()', 'app_is_platform()']);
    // …and those are the only non-built-in functions any policy calls (PostgreSQL records a policy's
    // dependency on every function in its expressions; built-ins are pinned and not recorded).
    const { rows: used } = await admin.query<{ fn: string }>(
      `SELECT DISTINCT refobjid::regprocedure::text AS fn FROM pg_depend
       WHERE classid = 'pg_policy'::regclass AND refclassid = 'pg_proc'::regclass ORDER BY 1`,
    );
    expect(used.map((r) => r.fn)).toEqual(rows.map((r) => r.fn));
  });

  it('can run again: Citus tables are skipped', async () => {
    await runDistributeSql();
    expect((await foreignKeys()).length).toBe(before.length);
  });
});
