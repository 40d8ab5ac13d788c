-- The worker's release sweep (monthly, and at start-up) must find, across
-- tenants, closed rounds whose release is missing (its aggregation job was lost)
-- or was made with a lower anonymity threshold than the round now has (k was
-- raised since). Like auth_find_accounts, this narrow SECURITY DEFINER function
-- is the only cross-tenant read: it returns ids and nothing else. Inside it
-- current_user is the owner role, which the app can never become, so the
-- policies below open nothing to the app role itself.
CREATE POLICY pulse_rounds_owner_lookup ON "pulse_rounds" FOR SELECT USING (current_user = 'pulsewise_owner');
CREATE POLICY releases_owner_lookup ON "releases" FOR SELECT USING (current_user = 'pulsewise_owner');

CREATE FUNCTION releases_due()
  RETURNS TABLE (tenant_id uuid, round_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT r.tenant_id, r.id
    FROM pulse_rounds r
    JOIN tenants t ON t.id = r.tenant_id AND t.status = 'ACTIVE'
    LEFT JOIN releases rel ON rel.tenant_id = r.tenant_id AND rel.round_id = r.id
    WHERE r.status = 'CLOSED' AND (rel.id IS NULL OR rel.k < r.anonymity_threshold)
    ORDER BY r.tenant_id, r.programme_id, r.sequence
  $$;

REVOKE ALL ON FUNCTION releases_due() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION releases_due() TO pulsewise_app;
