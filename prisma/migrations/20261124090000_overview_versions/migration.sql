-- A per-tenant counter that moves whenever anything cultureOverview reads changes:
-- the org tree, who is active where, the policy (k), the signal catalogue, rounds
-- and their questions, round and signal releases and their cells, KPIs and their
-- figures. The API keeps computed overviews keyed by this number, so a dashboard
-- read costs one indexed lookup instead of a dozen queries, and a new release,
-- a raised k or a directory change is visible on the very next read.
--
-- Statement-level triggers with transition tables: one bump per tenant per
-- statement, however many cells a release writes.
CREATE TABLE "tenant_data_versions" (
  "tenant_id" UUID NOT NULL,
  "version" BIGINT NOT NULL DEFAULT 1,
  CONSTRAINT "tenant_data_versions_pkey" PRIMARY KEY ("tenant_id"),
  CONSTRAINT "tenant_data_versions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
ALTER TABLE "tenant_data_versions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenant_data_versions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenant_data_versions" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON "tenant_data_versions" TO pulsewise_app;

CREATE FUNCTION bump_tenant_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- changed_rows is the statement's transition table (new rows for INSERT/UPDATE,
  -- old rows for DELETE); a statement that changed no row bumps nothing.
  INSERT INTO tenant_data_versions AS v (tenant_id)
    SELECT DISTINCT c.tenant_id FROM changed_rows c
  ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_policies', 'org_units', 'people', 'signals', 'pulse_rounds', 'round_questions', 'questions',
                           'releases', 'release_cells', 'signal_releases', 'signal_release_cells', 'kpis', 'kpi_observations'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_tenant_data_version()', t || '_version_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_tenant_data_version()', t || '_version_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_tenant_data_version()', t || '_version_del', t);
  END LOOP;
END $$;
