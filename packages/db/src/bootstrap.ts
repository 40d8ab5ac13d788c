// Creates the two roles and the database when they are missing. Local machines
// and tests use it through a trust-auth superuser connection; in production a DBA
// creates them (set DATABASE_BOOTSTRAP_URL=off) and only migrations run.
import pg from 'pg';

export const OWNER_ROLE = 'pulsewise_owner';
export const APP_ROLE = 'pulsewise_app';

export async function ensureRoles(client: pg.Client): Promise<void> {
  // Concurrent test workers may race here; the advisory lock makes it one at a time.
  await client.query('SELECT pg_advisory_lock(727001)');
  try {
    for (const [role, attrs] of [
      [OWNER_ROLE, 'LOGIN NOSUPERUSER NOBYPASSRLS CREATEDB'],
      [APP_ROLE, 'LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE'],
    ] as const) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (!rowCount) await client.query(`CREATE ROLE ${role} ${attrs}`);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(727001)');
  }
}

export async function ensureDatabase(bootstrapUrl: string, database: string): Promise<'created' | 'exists'> {
  const client = new pg.Client({ connectionString: bootstrapUrl });
  await client.connect();
  try {
    await ensureRoles(client);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return 'exists';
    await client.query(`CREATE DATABASE ${quoteIdent(database)} OWNER ${OWNER_ROLE}`);
    return 'created';
  } finally {
    await client.end();
  }
}

export function databaseName(connectionString: string): string {
  const name = new URL(connectionString).pathname.replace(/^\//, '');
  if (!name) throw new Error(`No database name in ${redact(connectionString)}`);
  return decodeURIComponent(name);
}

export function quoteIdent(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

export function redact(connectionString: string): string {
  try {
    const u = new URL(connectionString);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable url>';
  }
}
