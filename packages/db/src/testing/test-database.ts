// Each test file gets its own database, cloned from a template that the real
// migration runner built once (keyed by a digest of the migrations, so editing a
// migration rebuilds it). Files run in parallel and drop their database at the end.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { APP_ROLE, OWNER_ROLE, ensureRoles, quoteIdent } from '../bootstrap.js';
import { migrate, migrationsDigest, readMigrations } from '../migrate.js';

export interface TestDatabase {
  name: string;
  /** Connect as the application role (RLS applies). */
  appUrl: string;
  /** Connect as the owner role (runs migrations; sees everything only through its own policies). */
  adminUrl: string;
  drop(): Promise<void>;
}

const host = process.env.TEST_PG_HOST ?? '127.0.0.1:5432';
const bootstrapUrl = process.env.DATABASE_BOOTSTRAP_URL ?? `postgresql://postgres@${host}/postgres`;

function urlFor(role: string, database: string): string {
  const u = new URL(bootstrapUrl);
  u.username = role;
  u.password = '';
  u.pathname = `/${database}`;
  return u.toString();
}

async function withBootstrap<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: bootstrapUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function ensureTemplate(client: pg.Client): Promise<string> {
  const template = `pulsewise_tpl_${migrationsDigest(await readMigrations())}`;
  await client.query('SELECT pg_advisory_lock(727003)');
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (!rowCount) {
      // Templates of older migration sets are garbage now.
      const stale = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'pulsewise_tpl_%' AND datname <> $1",
        [template],
      );
      for (const { datname } of stale.rows) {
        await client.query(`ALTER DATABASE ${quoteIdent(datname)} IS_TEMPLATE false`).catch(() => undefined);
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`).catch(() => undefined);
      }
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quoteIdent(building)} OWNER ${OWNER_ROLE}`);
      await migrate(urlFor(OWNER_ROLE, building));
      await client.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(template)}`);
      await client.query(`ALTER DATABASE ${quoteIdent(template)} IS_TEMPLATE true`);
    }
    return template;
  } finally {
    await client.query('SELECT pg_advisory_unlock(727003)');
  }
}

/**
 * A template whose data is expensive to make (the seeded demo organisation):
 * built once per key by `seed`, then cloned like the migrations template. The
 * key must change whenever anything that shapes the data changes.
 */
export interface SeededTemplate {
  key: string;
  seed(appUrl: string): Promise<unknown>;
}

async function ensureSeededTemplate(client: pg.Client, base: string, seeded: SeededTemplate): Promise<string> {
  const digest = createHash('sha256').update(`${base}|${seeded.key}`).digest('hex').slice(0, 16);
  const template = `pulsewise_seed_${digest}`;
  // Held while seeding: concurrent test files wait for the one seed instead of each running it.
  await client.query('SELECT pg_advisory_lock(727005)');
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (rowCount) return template;
    const stale = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'pulsewise_seed_%' AND datname <> $1", [template]);
    for (const { datname } of stale.rows) {
      await client.query(`ALTER DATABASE ${quoteIdent(datname)} IS_TEMPLATE false`).catch(() => undefined);
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`).catch(() => undefined);
    }
    const building = `${template}_building`;
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`);
    await cloneDatabase(client, base, building);
    await seeded.seed(urlFor(APP_ROLE, building));
    await client.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(template)}`);
    await client.query(`ALTER DATABASE ${quoteIdent(template)} IS_TEMPLATE true`);
    return template;
  } finally {
    await client.query('SELECT pg_advisory_unlock(727005)');
  }
}

async function cloneDatabase(client: pg.Client, template: string, name: string): Promise<void> {
  // CREATE DATABASE … TEMPLATE needs the template to have no other connections;
  // the advisory lock serialises clones so concurrent files don't collide.
  await client.query('SELECT pg_advisory_lock(727004)');
  try {
    await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)} OWNER ${OWNER_ROLE}`);
  } finally {
    await client.query('SELECT pg_advisory_unlock(727004)');
  }
}

/** A fresh database with the migrations applied — and, given `seeded`, that template's data. */
export async function createTestDatabase(label = 'test', seeded?: SeededTemplate): Promise<TestDatabase> {
  const safeLabel = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 20);
  const name = `pulsewise_t_${safeLabel}_${randomBytes(4).toString('hex')}`;
  await withBootstrap(async (client) => {
    await ensureRoles(client);
    const base = await ensureTemplate(client);
    await cloneDatabase(client, seeded ? await ensureSeededTemplate(client, base, seeded) : base, name);
  });
  return {
    name,
    appUrl: urlFor(APP_ROLE, name),
    adminUrl: urlFor(OWNER_ROLE, name),
    drop: () => withBootstrap((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).then(() => undefined)),
  };
}
