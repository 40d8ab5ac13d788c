-- Audited releases: the only thing the API ever reads to show a figure to a leader.
CREATE TYPE "ReleaseKind" AS ENUM ('ROUND', 'MONTH');
CREATE TYPE "ReleaseStatus" AS ENUM ('PUBLISHED', 'WITHHELD');

CREATE TABLE "releases" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "ReleaseKind" NOT NULL,
    "round_id" UUID,
    "period" TEXT,
    "status" "ReleaseStatus" NOT NULL,
    "withheld_reason" TEXT,
    "k" INTEGER NOT NULL,
    "dimensions" TEXT[],
    "structure" JSONB NOT NULL,
    "audit" JSONB NOT NULL,
    "comment_nodes" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "releases_pkey" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "releases_k_floor" CHECK ("k" >= 3),
    CONSTRAINT "releases_kind_shape" CHECK (("kind" = 'ROUND' AND "round_id" IS NOT NULL) OR ("kind" = 'MONTH' AND "period" ~ '^\d{4}-\d{2}$'))
);
CREATE UNIQUE INDEX "releases_tenant_id_round_id_key" ON "releases"("tenant_id", "round_id");
CREATE UNIQUE INDEX "releases_tenant_id_kind_period_key" ON "releases"("tenant_id", "kind", "period");

CREATE TABLE "release_cells" (
    "tenant_id" UUID NOT NULL,
    "release_id" UUID NOT NULL,
    "cell_key" TEXT NOT NULL,
    "node_key" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "direct" BOOLEAN NOT NULL,
    "dims" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "eligible" INTEGER,
    "n" INTEGER,
    "measures" JSONB NOT NULL,
    CONSTRAINT "release_cells_pkey" PRIMARY KEY ("tenant_id", "release_id", "cell_key"),
    -- A hidden cell never stores a respondent count.
    CONSTRAINT "release_cells_hidden_has_no_n" CHECK ("status" = 'PUBLISHED' OR ("n" IS NULL AND "reason" IS NOT NULL)),
    CONSTRAINT "release_cells_status" CHECK ("status" IN ('PUBLISHED', 'HIDDEN'))
);
CREATE INDEX "release_cells_tenant_id_release_id_unit_id_idx" ON "release_cells"("tenant_id", "release_id", "unit_id");

ALTER TABLE "releases" ADD CONSTRAINT "releases_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "release_cells" ADD CONSTRAINT "release_cells_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "release_cells" ADD CONSTRAINT "release_cells_release_fkey" FOREIGN KEY ("tenant_id", "release_id") REFERENCES "releases"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['releases', 'release_cells'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON "releases", "release_cells" TO pulsewise_app;
