-- Culture signals next to KPIs (never ranked) and personal-success alignment.
--
-- signals:               the tenant's signal catalogue (built-ins and its own imported signals), with an optional healthy band.
-- signal_observations:   imported behavioural aggregates as received (per unit and month). Never served: only
--                        signal_releases / signal_release_cells, written after the privacy engine's audit, are.
-- signal_import_keys:    per-tenant API keys for HR systems (only a SHA-256 hash of the secret is stored).
-- kpis, kpi_observations: business figures at org-unit level; no "good/bad" direction is stored.
-- success_statements:    what success looks like for a person this quarter, written by the person or by their
--                        manager; a person's own statements are private until they share them with their manager.
CREATE TYPE "SignalSource" AS ENUM ('PULSE', 'IMPORT');

CREATE TABLE "signals" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "source" "SignalSource" NOT NULL,
    "question_key" TEXT,
    "value_min" DOUBLE PRECISION,
    "value_max" DOUBLE PRECISION,
    "healthy_min" DOUBLE PRECISION,
    "healthy_max" DOUBLE PRECISION,
    "built_in" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "signals_pkey" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "signals_key_format" CHECK ("key" ~ '^[a-z][a-z0-9_]{1,62}$'),
    CONSTRAINT "signals_pulse_has_question" CHECK (("source" = 'PULSE') = ("question_key" IS NOT NULL)),
    CONSTRAINT "signals_value_range" CHECK (("value_min" IS NULL) = ("value_max" IS NULL) AND ("value_min" IS NULL OR "value_min" < "value_max")),
    CONSTRAINT "signals_healthy_band" CHECK ("healthy_min" IS NULL OR "healthy_max" IS NULL OR "healthy_min" <= "healthy_max")
);
CREATE UNIQUE INDEX "signals_tenant_id_key_key" ON "signals"("tenant_id", "key");

CREATE TABLE "signal_observations" (
    "tenant_id" UUID NOT NULL,
    "signal_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "value_sum" DOUBLE PRECISION NOT NULL,
    "n" INTEGER NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "signal_observations_pkey" PRIMARY KEY ("tenant_id", "signal_id", "month", "org_unit_id"),
    CONSTRAINT "signal_observations_month" CHECK ("month" ~ '^\d{4}-(0[1-9]|1[0-2])$'),
    CONSTRAINT "signal_observations_n" CHECK ("n" >= 1)
);

CREATE TABLE "signal_releases" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "signal_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "status" "ReleaseStatus" NOT NULL,
    "withheld_reason" TEXT,
    "k" INTEGER NOT NULL,
    "structure" JSONB NOT NULL,
    "audit" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "signal_releases_pkey" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "signal_releases_k_floor" CHECK ("k" >= 3),
    CONSTRAINT "signal_releases_month" CHECK ("month" ~ '^\d{4}-(0[1-9]|1[0-2])$')
);
CREATE UNIQUE INDEX "signal_releases_tenant_id_signal_id_month_key" ON "signal_releases"("tenant_id", "signal_id", "month");

CREATE TABLE "signal_release_cells" (
    "tenant_id" UUID NOT NULL,
    "release_id" UUID NOT NULL,
    "cell_key" TEXT NOT NULL,
    "node_key" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "direct" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "eligible" INTEGER,
    "n" INTEGER,
    "measure" JSONB NOT NULL,
    CONSTRAINT "signal_release_cells_pkey" PRIMARY KEY ("tenant_id", "release_id", "cell_key"),
    -- A hidden cell never stores a count.
    CONSTRAINT "signal_release_cells_hidden_has_no_n" CHECK ("status" = 'PUBLISHED' OR ("n" IS NULL AND "reason" IS NOT NULL)),
    CONSTRAINT "signal_release_cells_status" CHECK ("status" IN ('PUBLISHED', 'HIDDEN'))
);
CREATE INDEX "signal_release_cells_tenant_id_release_id_unit_id_idx" ON "signal_release_cells"("tenant_id", "release_id", "unit_id");

CREATE TABLE "signal_import_keys" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "signal_import_keys_pkey" PRIMARY KEY ("tenant_id", "id")
);
CREATE UNIQUE INDEX "signal_import_keys_tenant_id_key_hash_key" ON "signal_import_keys"("tenant_id", "key_hash");

CREATE TABLE "kpis" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "org_unit_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "kpis_pkey" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "kpis_key_format" CHECK ("key" ~ '^[a-z][a-z0-9_]{1,62}$')
);
CREATE UNIQUE INDEX "kpis_tenant_id_key_key" ON "kpis"("tenant_id", "key");
CREATE INDEX "kpis_tenant_id_org_unit_id_idx" ON "kpis"("tenant_id", "org_unit_id");

CREATE TABLE "kpi_observations" (
    "tenant_id" UUID NOT NULL,
    "kpi_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "kpi_observations_pkey" PRIMARY KEY ("tenant_id", "kpi_id", "month"),
    CONSTRAINT "kpi_observations_month" CHECK ("month" ~ '^\d{4}-(0[1-9]|1[0-2])$')
);

CREATE TABLE "success_statements" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "subject_person_id" UUID NOT NULL,
    "author_person_id" UUID NOT NULL,
    "quarter" TEXT NOT NULL,
    "statements" TEXT[],
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "success_statements_pkey" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "success_statements_quarter" CHECK ("quarter" ~ '^\d{4}-Q[1-4]$'),
    -- Only a person's own statements can be shared (with their manager); a manager's are always visible to the person.
    CONSTRAINT "success_statements_only_own_shared" CHECK (NOT "shared" OR "subject_person_id" = "author_person_id")
);
CREATE UNIQUE INDEX "success_statements_tenant_id_subject_person_id_quarter_author_person_id_key" ON "success_statements"("tenant_id", "subject_person_id", "quarter", "author_person_id");

ALTER TABLE "signals" ADD CONSTRAINT "signals_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "signal_observations" ADD CONSTRAINT "signal_observations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "signal_observations" ADD CONSTRAINT "signal_observations_signal_fkey" FOREIGN KEY ("tenant_id", "signal_id") REFERENCES "signals"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "signal_observations" ADD CONSTRAINT "signal_observations_org_unit_fkey" FOREIGN KEY ("tenant_id", "org_unit_id") REFERENCES "org_units"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "signal_releases" ADD CONSTRAINT "signal_releases_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "signal_releases" ADD CONSTRAINT "signal_releases_signal_fkey" FOREIGN KEY ("tenant_id", "signal_id") REFERENCES "signals"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "signal_release_cells" ADD CONSTRAINT "signal_release_cells_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "signal_release_cells" ADD CONSTRAINT "signal_release_cells_release_fkey" FOREIGN KEY ("tenant_id", "release_id") REFERENCES "signal_releases"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "signal_import_keys" ADD CONSTRAINT "signal_import_keys_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_org_unit_fkey" FOREIGN KEY ("tenant_id", "org_unit_id") REFERENCES "org_units"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "kpi_observations" ADD CONSTRAINT "kpi_observations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "kpi_observations" ADD CONSTRAINT "kpi_observations_kpi_fkey" FOREIGN KEY ("tenant_id", "kpi_id") REFERENCES "kpis"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "success_statements" ADD CONSTRAINT "success_statements_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "success_statements" ADD CONSTRAINT "success_statements_subject_fkey" FOREIGN KEY ("tenant_id", "subject_person_id") REFERENCES "people"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "success_statements" ADD CONSTRAINT "success_statements_author_fkey" FOREIGN KEY ("tenant_id", "author_person_id") REFERENCES "people"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['signals', 'signal_observations', 'signal_releases', 'signal_release_cells', 'signal_import_keys', 'kpis', 'kpi_observations', 'success_statements'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON "signals", "signal_observations", "signal_releases", "signal_release_cells", "signal_import_keys", "kpis", "kpi_observations", "success_statements" TO pulsewise_app;
