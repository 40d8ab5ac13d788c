import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Screenshots go here (gitignored). CI should upload this folder as a build artifact. */
export const ARTIFACTS_DIR = process.env.E2E_ARTIFACTS_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** Full-page PNG at e2e/artifacts/<name>.png. Returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const safe = name.replace(/[^a-z0-9._-]+/gi, '-').replace(/^-+|-+$/g, '');
  const path = join(ARTIFACTS_DIR, `${safe}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'initial' });
  return path;
}
