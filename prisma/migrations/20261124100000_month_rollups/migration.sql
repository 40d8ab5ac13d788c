-- The worker's monthly roll-ups: once a month has ended, every (tenant, month) in
-- which one programme opened two or more rounds gets one MONTH release over that
-- month's rounds (a month with one round per programme would only repeat a round's
-- release). Like releases_due(), this narrow SECURITY DEFINER function is a
-- cross-tenant read of ids and months only; the worker checks everything else
-- (rounds closed, released, answers still there) inside the tenant's own
-- transaction. It relies on the owner-lookup policy on pulse_rounds from
-- 20261124040000_release_sweep.
CREATE FUNCTION month_rollups_candidates()
  RETURNS TABLE (tenant_id uuid, period text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT DISTINCT r.tenant_id, to_char(r.opens_at AT TIME ZONE 'UTC', 'YYYY-MM')
    FROM pulse_rounds r
    JOIN tenants t ON t.id = r.tenant_id AND t.status = 'ACTIVE'
    WHERE r.opens_at < (date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
    GROUP BY r.tenant_id, r.programme_id, to_char(r.opens_at AT TIME ZONE 'UTC', 'YYYY-MM')
    HAVING count(*) >= 2
    ORDER BY 1, 2
  $$;

REVOKE ALL ON FUNCTION month_rollups_candidates() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION month_rollups_candidates() TO pulsewise_app;
