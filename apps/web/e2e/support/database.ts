/**
 * Direct access to the run's database for test setup that the API has no operation for (e.g. a
 * person's time zone and working days). Connects as the application role, so row-level security
 * applies: every call runs in one transaction with app.tenant_id set, as the API does.
 * E2E_DATABASE_URL is set by e2e/run.mjs; the database is dropped at the end of the run.
 */
import pg from 'pg';
import { requiredEnv } from './backend';

export function databaseUrl(): string {
  return requiredEnv('E2E_DATABASE_URL');
}

/** Runs `fn` in one transaction scoped to the tenant (commits unless it throws). */
export async function withTenantDb<T>(tenantId: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * A fixed-offset IANA zone in which `now` is between 12:00 and 12:59 local time: at 05:42 UTC it is
 * "Etc/GMT-7" (UTC+7, 12:42 local). Note the POSIX sign: Etc/GMT-7 is seven hours *ahead* of UTC.
 */
export function middayTimeZone(now: Date): string {
  const offset = 12 - now.getUTCHours(); // −11 … +12, all valid Etc/GMT zones
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

export interface WorkSchedule {
  timeZone: string;
  workingHoursStart: string;
  workingHoursEnd: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: number[];
}

/** Sets a person's time zone and working hours; fails unless exactly one person matched. */
export async function setWorkSchedule(tenantId: string, email: string, schedule: WorkSchedule): Promise<void> {
  const updated = await withTenantDb(tenantId, (client) =>
    client.query(
      `UPDATE people SET time_zone = $1, working_hours_start = $2, working_hours_end = $3, working_days = $4::int[], updated_at = now()
        WHERE tenant_id = $5::uuid AND email = $6`,
      [schedule.timeZone, schedule.workingHoursStart, schedule.workingHoursEnd, schedule.workingDays, tenantId, email],
    ),
  );
  if (updated.rowCount !== 1) throw new Error(`expected to update one person with email ${email}, updated ${updated.rowCount}`);
}
