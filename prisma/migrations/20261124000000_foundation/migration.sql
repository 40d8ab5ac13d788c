-- Foundation: tenants, policy, org tree, people, credentials, sessions, audit log,
-- and the row-level security that keeps every tenant's rows to itself.
--
-- Roles (created by `npm run db:migrate`'s bootstrap step, or by your DBA):
--   pulsewise_owner  owns every object and runs migrations;
--   pulsewise_app    the application: not superuser, not BYPASSRLS, owns nothing.

-- The tenant of the current transaction, set by the API/worker with
-- set_config('app.tenant_id', <uuid>, true). No setting (or '') means no tenant: zero rows.
CREATE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- The audited platform path (creating, listing, suspending tenants) sets app.platform = 'on'.
CREATE FUNCTION app_is_platform() RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(current_setting('app.platform', true), '') = 'on' $$;

CREATE TYPE "Role" AS ENUM ('PLATFORM_ADMIN', 'TENANT_ADMIN', 'HR_LEADER', 'MANAGER', 'EMPLOYEE');
CREATE TYPE "TenantStatus" AS ENUM ('ACTIVE', 'SUSPENDED');
CREATE TYPE "TenantKind" AS ENUM ('CUSTOMER', 'PLATFORM');

CREATE TABLE "tenants" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "TenantKind" NOT NULL DEFAULT 'CUSTOMER',
    "status" "TenantStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tenants_slug_format" CHECK ("slug" ~ '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$')
);
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants"("slug");

CREATE TABLE "tenant_policies" (
    "tenant_id" UUID NOT NULL,
    "anonymity_threshold" INTEGER NOT NULL DEFAULT 5,
    "quiet_hours_start" TEXT NOT NULL DEFAULT '19:00',
    "quiet_hours_end" TEXT NOT NULL DEFAULT '08:00',
    "max_pulses_per_month" INTEGER NOT NULL DEFAULT 4,
    "response_retention_months" INTEGER NOT NULL DEFAULT 24,
    "allowed_dimensions" TEXT[] DEFAULT ARRAY['location', 'tenure']::TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenant_policies_pkey" PRIMARY KEY ("tenant_id"),
    CONSTRAINT "tenant_policies_threshold_floor" CHECK ("anonymity_threshold" >= 3),
    CONSTRAINT "tenant_policies_quiet_hours_format" CHECK ("quiet_hours_start" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "quiet_hours_end" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    CONSTRAINT "tenant_policies_pulses_range" CHECK ("max_pulses_per_month" BETWEEN 1 AND 31),
    CONSTRAINT "tenant_policies_retention_range" CHECK ("response_retention_months" BETWEEN 1 AND 120)
);

CREATE TABLE "org_units" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "parent_id" UUID,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "org_units_pkey" PRIMARY KEY ("tenant_id", "id")
);
CREATE UNIQUE INDEX "org_units_tenant_id_path_key" ON "org_units"("tenant_id", "path");
CREATE INDEX "org_units_tenant_id_parent_id_idx" ON "org_units"("tenant_id", "parent_id");

CREATE TABLE "people" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "manager_id" UUID,
    "location" TEXT,
    "start_date" DATE,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "working_hours_start" TEXT NOT NULL DEFAULT '09:00',
    "working_hours_end" TEXT NOT NULL DEFAULT '17:00',
    "working_days" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "roles" "Role"[] DEFAULT ARRAY['EMPLOYEE']::"Role"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "people_pkey" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "people_email_lower" CHECK ("email" = lower("email")),
    CONSTRAINT "people_not_own_manager" CHECK ("manager_id" IS NULL OR "manager_id" <> "id")
);
CREATE UNIQUE INDEX "people_tenant_id_email_key" ON "people"("tenant_id", "email");
CREATE INDEX "people_tenant_id_org_unit_id_idx" ON "people"("tenant_id", "org_unit_id");
CREATE INDEX "people_tenant_id_manager_id_idx" ON "people"("tenant_id", "manager_id");

CREATE TABLE "credentials" (
    "tenant_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "password_hash" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "credentials_pkey" PRIMARY KEY ("tenant_id", "person_id")
);

CREATE TABLE "sessions" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "refresh_token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("tenant_id", "id")
);
CREATE INDEX "sessions_tenant_id_person_id_idx" ON "sessions"("tenant_id", "person_id");

CREATE TABLE "audit_events" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "actor_tenant_id" UUID,
    "actor_person_id" UUID,
    "action" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("tenant_id", "id")
);
CREATE INDEX "audit_events_tenant_id_occurred_at_idx" ON "audit_events"("tenant_id", "occurred_at");

ALTER TABLE "tenant_policies" ADD CONSTRAINT "tenant_policies_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_parent_fkey" FOREIGN KEY ("tenant_id", "parent_id") REFERENCES "org_units"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "people" ADD CONSTRAINT "people_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "people" ADD CONSTRAINT "people_org_unit_fkey" FOREIGN KEY ("tenant_id", "org_unit_id") REFERENCES "org_units"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "people" ADD CONSTRAINT "people_manager_fkey" FOREIGN KEY ("tenant_id", "manager_id") REFERENCES "people"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_person_fkey" FOREIGN KEY ("tenant_id", "person_id") REFERENCES "people"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_person_fkey" FOREIGN KEY ("tenant_id", "person_id") REFERENCES "people"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Row-level security. FORCE makes the policies apply to the owner too; the app
-- role is neither owner nor BYPASSRLS, so these policies are all it ever sees.
-- ---------------------------------------------------------------------------
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
-- A tenant sees its own row; only the audited platform path sees or changes others.
CREATE POLICY tenants_read ON "tenants" FOR SELECT
  USING ("id" = app_current_tenant() OR app_is_platform());
CREATE POLICY tenants_platform_write ON "tenants" FOR ALL
  USING (app_is_platform()) WITH CHECK (app_is_platform());

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_policies', 'org_units', 'people', 'credentials', 'sessions', 'audit_events'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

-- Sign-in must find which organisations an email belongs to before any tenant is
-- known. This narrow SECURITY DEFINER function is the only pre-authentication
-- read: it returns (tenant, person) pairs for one exact email and nothing else.
-- Inside it current_user is the owner role, which the app can never become, so
-- the two policies below open nothing to the app role itself.
CREATE POLICY tenants_owner_lookup ON "tenants" FOR SELECT USING (current_user = 'pulsewise_owner');
CREATE POLICY people_owner_lookup ON "people" FOR SELECT USING (current_user = 'pulsewise_owner');

CREATE FUNCTION auth_find_accounts(p_email text)
  RETURNS TABLE (tenant_id uuid, tenant_slug text, tenant_name text, tenant_status "TenantStatus", tenant_kind "TenantKind", person_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT t.id, t.slug, t.name, t.status, t.kind, p.id
    FROM people p JOIN tenants t ON t.id = p.tenant_id
    WHERE p.email = lower(p_email) AND p.active
    ORDER BY t.name
  $$;

-- ---------------------------------------------------------------------------
-- Grants: the application may read and write rows (RLS decides which), never DDL.
-- The audit log is append-only for it.
-- ---------------------------------------------------------------------------
GRANT USAGE ON SCHEMA public TO pulsewise_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "tenants", "tenant_policies", "org_units", "people", "credentials", "sessions" TO pulsewise_app;
GRANT SELECT, INSERT ON "audit_events" TO pulsewise_app;
GRANT EXECUTE ON FUNCTION app_current_tenant(), app_is_platform(), auth_find_accounts(text) TO pulsewise_app;
REVOKE ALL ON "_prisma_migrations" FROM pulsewise_app;
