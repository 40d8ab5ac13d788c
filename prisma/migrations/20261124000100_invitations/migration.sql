-- Single-use invitation links (first tenant admin, new staff): only the token's hash is stored.
CREATE TABLE "invitations" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "invitations_pkey" PRIMARY KEY ("tenant_id", "id")
);
CREATE UNIQUE INDEX "invitations_tenant_id_token_hash_key" ON "invitations"("tenant_id", "token_hash");
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_person_fkey" FOREIGN KEY ("tenant_id", "person_id") REFERENCES "people"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "invitations" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON "invitations" TO pulsewise_app;

-- Uuid defaults at the database level too, so rows inserted by SQL tools (COPY, bench loaders) get ids.
ALTER TABLE "tenants" ALTER COLUMN "id" SET DEFAULT gen_random_uuid();
ALTER TABLE "org_units" ALTER COLUMN "id" SET DEFAULT gen_random_uuid();
ALTER TABLE "people" ALTER COLUMN "id" SET DEFAULT gen_random_uuid();
ALTER TABLE "sessions" ALTER COLUMN "id" SET DEFAULT gen_random_uuid();
ALTER TABLE "audit_events" ALTER COLUMN "id" SET DEFAULT gen_random_uuid();
