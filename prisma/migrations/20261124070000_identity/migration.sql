-- Enterprise identity: per-tenant OIDC single sign-on and SCIM 2.0 provisioning.
--
-- tenant_sso_configs: the tenant's OIDC client (issuer, client id, client secret encrypted with AES-256-GCM
--                     under SECRETS_KEY — never stored in clear), the email domains it may sign in, and
--                     whether password sign-in stays on.
-- scim_tokens:        bearer tokens an identity provider uses on /scim/v2 (only a SHA-256 hash is stored).
-- scim_user_links:    the provider's externalId for a person (RFC 7643 §3.1), and when the provider DELETEd them
--                     (the person stays, deactivated, so their history holds; SCIM answers 404 for them).
-- scim_group_links:   the provider's externalId for an org unit (SCIM Groups are org units).
CREATE TABLE "tenant_sso_configs" (
    "tenant_id" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "client_secret_enc" TEXT NOT NULL,
    "allowed_domains" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "password_sign_in" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenant_sso_configs_pkey" PRIMARY KEY ("tenant_id")
);
CREATE INDEX "tenant_sso_configs_allowed_domains_idx" ON "tenant_sso_configs" USING GIN ("allowed_domains");

CREATE TABLE "scim_tokens" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "scim_tokens_pkey" PRIMARY KEY ("tenant_id", "id")
);
CREATE UNIQUE INDEX "scim_tokens_tenant_id_token_hash_key" ON "scim_tokens"("tenant_id", "token_hash");

CREATE TABLE "scim_user_links" (
    "tenant_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "external_id" TEXT,
    "deleted_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "scim_user_links_pkey" PRIMARY KEY ("tenant_id", "person_id")
);

CREATE TABLE "scim_group_links" (
    "tenant_id" UUID NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "external_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "scim_group_links_pkey" PRIMARY KEY ("tenant_id", "org_unit_id")
);

ALTER TABLE "tenant_sso_configs" ADD CONSTRAINT "tenant_sso_configs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "scim_tokens" ADD CONSTRAINT "scim_tokens_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "scim_user_links" ADD CONSTRAINT "scim_user_links_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "scim_user_links" ADD CONSTRAINT "scim_user_links_person_fkey" FOREIGN KEY ("tenant_id", "person_id") REFERENCES "people"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "scim_group_links" ADD CONSTRAINT "scim_group_links_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "scim_group_links" ADD CONSTRAINT "scim_group_links_org_unit_fkey" FOREIGN KEY ("tenant_id", "org_unit_id") REFERENCES "org_units"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_sso_configs', 'scim_tokens', 'scim_user_links', 'scim_group_links'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON "tenant_sso_configs", "scim_tokens", "scim_user_links", "scim_group_links" TO pulsewise_app;

-- The SSO start page knows only what the person typed (an organisation's slug or an email domain).
-- Like auth_find_accounts this narrow SECURITY DEFINER function is the only pre-authentication read:
-- it names the tenant whose enabled SSO answers to that key, and nothing else. Inside it current_user
-- is the owner role, which the app can never become, so this policy opens nothing to the app role.
CREATE POLICY tenant_sso_configs_owner_lookup ON "tenant_sso_configs" FOR SELECT USING (current_user = 'pulsewise_owner');

CREATE FUNCTION sso_find_tenant(p_key text)
  RETURNS TABLE (tenant_id uuid, tenant_slug text, tenant_name text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT t.id, t.slug, t.name
    FROM tenant_sso_configs c JOIN tenants t ON t.id = c.tenant_id
    WHERE c.enabled AND t.status = 'ACTIVE' AND t.kind = 'CUSTOMER'
      AND (t.slug = lower(p_key) OR lower(p_key) = ANY (c.allowed_domains))
    ORDER BY t.name
  $$;

REVOKE ALL ON FUNCTION sso_find_tenant(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sso_find_tenant(text) TO pulsewise_app;
