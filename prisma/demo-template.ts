// The seeded demo organisation as a test-database template: seeding it runs six
// audited round aggregations and a year of audited signal imports, so test files
// that need it share one seed per run instead of each paying for it. The key
// covers every source that shapes the seeded data, and the date (the seed writes
// months relative to today).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeededTemplate } from '@pulsewise/db/testing';
import { seed } from './seed.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['prisma', 'packages/config/src', 'packages/db/src', 'packages/jobs/src', 'packages/privacy/src', 'apps/worker/src', 'apps/api/src/modules'];

function fingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'generated' && entry.name !== 'node_modules') walk(full);
      } else if (/\.(ts|sql|prisma)$/.test(entry.name) && !/\.(spec|integration-spec)\.ts$/.test(entry.name)) {
        hash.update(path.relative(ROOT, full)).update('\0').update(readFileSync(full)).update('\0');
      }
    }
  };
  for (const source of SOURCES) walk(path.join(ROOT, source));
  hash.update(new Date().toISOString().slice(0, 10));
  return hash.digest('hex');
}

export const DEMO_TEMPLATE: SeededTemplate = { key: fingerprint(), seed: (appUrl) => seed(appUrl) };
