-- Pulsewise on Citus: shard every tenant table by tenant_id, replicate the global tables.
--
-- Run on the coordinator, connected to the Pulsewise database as the owner role (pulsewise_owner owns
-- every table, and Citus lets only a table's owner distribute it), after `npm run db:migrate`:
--
--   psql "$DATABASE_ADMIN_URL" -v ON_ERROR_STOP=1 -f infra/citus/distribute.sql
--
-- Before: Citus 12+ on every node (shared_preload_libraries = 'citus', CREATE EXTENSION citus in this
-- database on every node, as a superuser), the workers added (citus_add_node), the coordinator in the
-- metadata (citus_set_coordinator_host), and the roles pulsewise_owner / pulsewise_app on every node
-- with the same passwords. infra/README.md ("Scaling out") explains the model and what the application
-- still has to change before it can run on a multi-node cluster — read it first.
--
-- What it does, in one transaction (all or nothing):
--   1. sets the foreign keys between application tables aside (Citus checks them table by table while
--      distributing, and a key between a distributed and a still-local table is not allowed);
--   2. distributes the functions the row-level security policies call, so the policies Citus copies
--      onto every shard can run on the workers;
--   3. makes the global tables reference tables (a copy on every node);
--   4. hash-distributes every tenant table by tenant_id, all in one co-location group, so that one
--      tenant's rows of every table live on the same node and every join on tenant_id stays local;
--   5. adds the foreign keys back — without ON UPDATE CASCADE, which Citus refuses on a key that
--      includes the distribution column (tenant ids never change, so NO ACTION loses nothing);
--   6. checks that no table with a tenant_id column was left undistributed (a migration added a tenant
--      table and this file was not updated): it raises, and the transaction rolls back.
--
-- Re-runnable: tables that are already Citus tables are skipped. packages/db/src/citus-distribution
-- .integration-spec.ts runs this file against the real migrations (with a model of Citus's rules) and
-- fails when a tenant table is missing below.

BEGIN;

-- Reference tables and foreign keys touched in one transaction: Citus must use one connection per node.
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

DO $$
BEGIN
  IF to_regproc('create_distributed_table') IS NULL THEN
    RAISE EXCEPTION 'Citus is not installed in this database (CREATE EXTENSION citus, as a superuser, on every node)';
  END IF;
END $$;

-- 1. Foreign keys of tables that are not Citus tables yet: keep their definitions, drop them.
CREATE TEMP TABLE pulsewise_citus_fks ON COMMIT DROP AS
SELECT c.conrelid::regclass AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
FROM pg_constraint c
WHERE c.contype = 'f'
  AND c.connamespace = 'public'::regnamespace
  AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.conrelid);

DO $$
DECLARE fk record;
BEGIN
  FOR fk IN SELECT * FROM pulsewise_citus_fks LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.table_name, fk.name);
  END LOOP;
END $$;

-- 2. The functions the tenant_isolation and tenants_* policies call (app.tenant_id, app.platform).
SELECT create_distributed_function('app_current_tenant()')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_object WHERE classid = 'pg_proc'::regclass AND objid = 'app_current_tenant()'::regprocedure);
SELECT create_distributed_function('app_is_platform()')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_object WHERE classid = 'pg_proc'::regclass AND objid = 'app_is_platform()'::regprocedure);

-- 3. Reference tables: global data every tenant table points at.
--    tenants — one row per organisation; every tenant table's tenant_id references it.
SELECT create_reference_table('tenants')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'tenants'::regclass);

-- 4. Tenant tables, hash-distributed by tenant_id, co-located with tenant_policies (one row per tenant).
--    A new table with a tenant_id column needs its line here (the spec and step 6 fail without it).

-- The co-location group's first member.
SELECT create_distributed_table('tenant_policies', 'tenant_id', colocate_with => 'none')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'tenant_policies'::regclass);

-- Directory, sign-in and the audit log.
SELECT create_distributed_table('org_units', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'org_units'::regclass);
SELECT create_distributed_table('people', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'people'::regclass);
SELECT create_distributed_table('credentials', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'credentials'::regclass);
SELECT create_distributed_table('sessions', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'sessions'::regclass);
SELECT create_distributed_table('invitations', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'invitations'::regclass);
SELECT create_distributed_table('audit_events', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'audit_events'::regclass);

-- Enterprise identity (SSO, SCIM).
SELECT create_distributed_table('tenant_sso_configs', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'tenant_sso_configs'::regclass);
SELECT create_distributed_table('scim_tokens', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'scim_tokens'::regclass);
SELECT create_distributed_table('scim_user_links', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'scim_user_links'::regclass);
SELECT create_distributed_table('scim_group_links', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'scim_group_links'::regclass);

-- Pulse surveys and the unlinkable answers.
SELECT create_distributed_table('questions', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'questions'::regclass);
SELECT create_distributed_table('pulse_programmes', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'pulse_programmes'::regclass);
SELECT create_distributed_table('programme_audience', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'programme_audience'::regclass);
SELECT create_distributed_table('pulse_rounds', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'pulse_rounds'::regclass);
SELECT create_distributed_table('round_questions', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'round_questions'::regclass);
SELECT create_distributed_table('round_audience', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'round_audience'::regclass);
SELECT create_distributed_table('pulse_invitations', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'pulse_invitations'::regclass);
SELECT create_distributed_table('pulse_links', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'pulse_links'::regclass);
SELECT create_distributed_table('responses', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'responses'::regclass);
SELECT create_distributed_table('response_comments', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'response_comments'::regclass);

-- Audited releases.
SELECT create_distributed_table('releases', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'releases'::regclass);
SELECT create_distributed_table('release_cells', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'release_cells'::regclass);

-- Culture signals, KPIs and personal success.
SELECT create_distributed_table('signals', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'signals'::regclass);
SELECT create_distributed_table('signal_observations', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'signal_observations'::regclass);
SELECT create_distributed_table('signal_releases', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'signal_releases'::regclass);
SELECT create_distributed_table('signal_release_cells', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'signal_release_cells'::regclass);
SELECT create_distributed_table('signal_import_keys', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'signal_import_keys'::regclass);
SELECT create_distributed_table('kpis', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'kpis'::regclass);
SELECT create_distributed_table('kpi_observations', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'kpi_observations'::regclass);
SELECT create_distributed_table('success_statements', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'success_statements'::regclass);

-- The overview cache's per-tenant counter. Its bump triggers (migration 20261124090000) write from
-- the tenant tables' shards into this co-located table's shard on the same node: Citus runs such
-- triggers only with citus.enable_unsafe_triggers = on (set it in the cluster's configuration).
SELECT create_distributed_table('tenant_data_versions', 'tenant_id', colocate_with => 'tenant_policies')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'tenant_data_versions'::regclass);

-- Local on the coordinator (not distributed, on purpose):
--   _prisma_migrations — the migration runner's bookkeeping; only the coordinator runs migrations.

-- 5. The foreign keys, back — now between co-located distributed tables, or distributed → reference.
DO $$
DECLARE fk record;
BEGIN
  FOR fk IN SELECT * FROM pulsewise_citus_fks LOOP
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.table_name, fk.name, replace(fk.definition, ' ON UPDATE CASCADE', ''));
  END LOOP;
END $$;

-- 6. Nothing with a tenant_id may stay local: it would live on the coordinator only, and every join with
--    it would pull tenant rows across the network (or fail).
DO $$
DECLARE missing text;
BEGIN
  SELECT string_agg(c.relname, ', ' ORDER BY c.relname) INTO missing
  FROM pg_class c
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
    AND NOT EXISTS (
      SELECT 1 FROM pg_dist_partition p
      WHERE p.logicalrelid = c.oid AND p.partmethod = 'h' AND column_to_column_name(p.logicalrelid, p.partkey) = 'tenant_id'
    );
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'not distributed by tenant_id: % — add create_distributed_table lines to infra/citus/distribute.sql', missing;
  END IF;
END $$;

COMMIT;
