// The raw floor for the cultureOverview benchmark: a bare Fastify + pg endpoint that reads
// the same stored rows the API's cultureOverview reads for a unit — its node, its "(direct)"
// node and its children's nodes in the round releases' cells (uncut), the imported signals'
// release cells, and the KPI observations — under the same RLS tenant setting, in one
// transaction, and returns them as JSON. No auth, no GraphQL, no shaping: what is left is
// the database and the HTTP server.
//
//   DATABASE_URL=… TENANT_ID=… PORT=… node --import tsx bench/overview-baseline-server.ts
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL ?? 20) });
const tenantId = process.env.TENANT_ID!;
const app = Fastify({ logger: false });

app.post<{ Body: { orgUnitId: string; from: string; to: string } }>('/overview', async (request) => {
  const { orgUnitId, from, to } = request.body;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    const children = await client.query<{ id: string }>('SELECT id FROM org_units WHERE tenant_id = $1 AND parent_id = $2', [tenantId, orgUnitId]);
    const nodeKeys = [`u:${orgUnitId}`, `d:${orgUnitId}`, ...children.rows.map((c) => `u:${c.id}`)];
    const [pulse, imported, kpis] = await Promise.all([
      client.query(
        `SELECT r.round_id, p.opens_at, c.node_key, c.status, c.reason, c.measures
           FROM pulse_rounds p JOIN releases r ON r.tenant_id = p.tenant_id AND r.round_id = p.id
           JOIN release_cells c ON c.tenant_id = r.tenant_id AND c.release_id = r.id
          WHERE p.tenant_id = $1 AND p.opens_at >= $2::date AND p.opens_at < ($3::date + interval '1 month') AND r.status = 'PUBLISHED'
            AND c.node_key = ANY($4) AND NOT EXISTS (SELECT 1 FROM jsonb_each_text(c.dims) d WHERE d.value <> '*')`,
        [tenantId, `${from}-01`, `${to}-01`, nodeKeys],
      ),
      client.query(
        `SELECT s.signal_id, s.month, c.node_key, c.status, c.reason, c.measure
           FROM signal_releases s JOIN signal_release_cells c ON c.tenant_id = s.tenant_id AND c.release_id = s.id
          WHERE s.tenant_id = $1 AND s.month >= $2 AND s.month <= $3 AND s.status = 'PUBLISHED' AND c.node_key = ANY($4)`,
        [tenantId, from, to, nodeKeys],
      ),
      client.query(
        `SELECT k.id, k.key, k.name, k.unit, o.month, o.value FROM kpis k JOIN kpi_observations o ON o.tenant_id = k.tenant_id AND o.kpi_id = k.id
          WHERE k.tenant_id = $1 AND o.month >= $2 AND o.month <= $3`,
        [tenantId, from, to],
      ),
    ]);
    await client.query('COMMIT');
    return { pulse: pulse.rows, imported: imported.rows, kpis: kpis.rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('baseline ready');
