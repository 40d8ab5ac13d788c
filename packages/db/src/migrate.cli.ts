// `npm run db:migrate`: create roles/database if missing (local), then apply migrations.
import { loadConfig } from '@pulsewise/config';
import { databaseName, ensureDatabase, redact } from './bootstrap.js';
import { migrate } from './migrate.js';

const config = loadConfig();
if (config.DATABASE_BOOTSTRAP_URL !== 'off') {
  try {
    const state = await ensureDatabase(config.DATABASE_BOOTSTRAP_URL, databaseName(config.DATABASE_ADMIN_URL));
    if (state === 'created') console.log(`Created database ${databaseName(config.DATABASE_ADMIN_URL)}`);
  } catch (error) {
    console.warn(`Skipping role/database bootstrap via ${redact(config.DATABASE_BOOTSTRAP_URL)}: ${(error as Error).message}`);
  }
}
const { applied, alreadyApplied } = await migrate(config.DATABASE_ADMIN_URL);
console.log(`Migrations: ${applied.length} applied${applied.length ? ` (${applied.join(', ')})` : ''}, ${alreadyApplied.length} already up to date.`);
