-- Retention. Raw answers are kept only as long as the tenant's policy says;
-- releases stay. Participation rows of people who left are removed once their
-- round has closed. Both would change what a round "was" if the aggregation
-- read them again, so each closed round's audience is frozen here as counts per
-- cell, and a round whose answers were purged is marked and never re-aggregated.

CREATE TABLE "round_audience" (
    "tenant_id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "cell_unit_id" UUID NOT NULL,
    "cell_location" TEXT NOT NULL,
    "cell_tenure" TEXT NOT NULL,
    "eligible" INTEGER NOT NULL,
    CONSTRAINT "round_audience_pkey" PRIMARY KEY ("tenant_id", "round_id", "cell_unit_id", "cell_location", "cell_tenure"),
    CONSTRAINT "round_audience_eligible_positive" CHECK ("eligible" > 0)
);
ALTER TABLE "round_audience" ADD CONSTRAINT "round_audience_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "round_audience" ADD CONSTRAINT "round_audience_round_fkey" FOREIGN KEY ("tenant_id", "round_id") REFERENCES "pulse_rounds"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "round_audience" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "round_audience" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "round_audience" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, DELETE ON "round_audience" TO pulsewise_app;

-- Rounds closed before this migration: freeze them from their invitations now.
INSERT INTO "round_audience" ("tenant_id", "round_id", "cell_unit_id", "cell_location", "cell_tenure", "eligible")
SELECT i."tenant_id", i."round_id", i."cell_unit_id", i."cell_location", i."cell_tenure", count(*)::int
FROM "pulse_invitations" i JOIN "pulse_rounds" r ON r."tenant_id" = i."tenant_id" AND r."id" = i."round_id"
WHERE r."status" = 'CLOSED' AND i."status" = 'SENT'
GROUP BY 1, 2, 3, 4, 5;

ALTER TABLE "pulse_rounds" ADD COLUMN "answers_purged_at" TIMESTAMPTZ(3);

-- The daily retention job must find every active tenant's retention period: one
-- more narrow SECURITY DEFINER read (ids and a number), as for sign-in and the
-- release sweep. A purged round never needs a release again.
CREATE POLICY tenant_policies_owner_lookup ON "tenant_policies" FOR SELECT USING (current_user = 'pulsewise_owner');

CREATE FUNCTION retention_policies()
  RETURNS TABLE (tenant_id uuid, response_retention_months integer)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT p.tenant_id, p.response_retention_months
    FROM tenant_policies p JOIN tenants t ON t.id = p.tenant_id AND t.status = 'ACTIVE'
    ORDER BY p.tenant_id
  $$;
REVOKE ALL ON FUNCTION retention_policies() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION retention_policies() TO pulsewise_app;

CREATE OR REPLACE FUNCTION releases_due()
  RETURNS TABLE (tenant_id uuid, round_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT r.tenant_id, r.id
    FROM pulse_rounds r
    JOIN tenants t ON t.id = r.tenant_id AND t.status = 'ACTIVE'
    LEFT JOIN releases rel ON rel.tenant_id = r.tenant_id AND rel.round_id = r.id
    WHERE r.status = 'CLOSED' AND r.answers_purged_at IS NULL AND (rel.id IS NULL OR rel.k < r.anonymity_threshold)
    ORDER BY r.tenant_id, r.programme_id, r.sequence
  $$;
