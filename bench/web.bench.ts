// (f) Web: the initial JavaScript a first page load downloads (gzip, apps/web/scripts/
// check-bundle-size.mjs over the built app), and the time from navigation to the HR dashboard's
// heatmap painted in headless Chromium (/usr/bin/chromium through playwright-core), signed in,
// with a cold HTTP cache each time, served by `vite preview` proxying /graphql to the built API.
// Baseline in the same run for the paint: the same browser loading a static one-line page.
//
//   npx tsx bench/web.bench.ts [--people 400] [--reps 5]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createTestDatabase } from '../packages/db/src/testing/index.js';
import { BENCH_PASSWORD, generate } from './generate.js';
import { deleteRedisKeys, emit, flags, fmtMs, fmtRatio, freePort, log as logger, median, redisPrefix, ROOT, startServices, type Row } from './lib.js';

const log = logger('web');
const f = flags();
const people = Number(f.people ?? 400);
const reps = Number(f.reps ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB = path.join(ROOT, 'apps/web');

if (!existsSync(path.join(WEB, 'dist/.vite/manifest.json'))) throw new Error('apps/web is not built: npx turbo run build --filter=@pulsewise/web');
const size = JSON.parse(execFileSync(process.execPath, [path.join(WEB, 'scripts/check-bundle-size.mjs'), '--json'], { encoding: 'utf8' })) as { initialJsGzipKb: number; initialJsRawKb: number; cssGzipKb: number; lazyChunks: number; lazyJsGzipKb: number };
const bundleRow: Row = {
  id: 'web-bundle',
  work: 'Web: initial JS, gzip (lazy routes excluded)',
  ours: `${size.initialJsGzipKb.toFixed(1)} KB (${size.initialJsRawKb.toFixed(0)} KB raw)`,
  baseline: '—',
  ratio: '—',
  goal: '< 250 KB',
  met: size.initialJsGzipKb < 250 ? 'yes' : 'no',
  data: size,
};

const db = await createTestDatabase('bench_web');
const prefix = redisPrefix('web');
let services: Awaited<ReturnType<typeof startServices>> | undefined;
let preview: ReturnType<typeof spawn> | undefined;
const blank = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>blank</title><p>ok</p>'));
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  log(`generating ${people} people, 3 aggregated rounds…`);
  const gen = await generate({ people, rounds: 3, seed: 5, databaseUrl: db.appUrl, signalMonths: 12, aggregate: true, dimensions: [], log });
  services = await startServices({ databaseUrl: db.appUrl, adminUrl: db.adminUrl, prefix, api: true, apiPool: 10 });
  const port = await freePort();
  const vite = path.join(path.dirname(createRequire(path.join(WEB, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
  preview = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: WEB, env: { ...process.env, NODE_OPTIONS: '', API_URL: services.apiUrl! }, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; !(await fetch(`${base}/`).then((r) => r.ok, () => false)); i++) {
    if (i > 300 || preview.exitCode !== null) throw new Error('vite preview did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise<void>((resolve) => blank.listen(0, '127.0.0.1', resolve));
  const blankUrl = `http://127.0.0.1:${(blank.address() as { port: number }).port}/`;

  // Sign in once through the sign-in page; every measured load is a new tab of that browser
  // (the refresh cookie signs it in, as when someone opens the app again) with the HTTP cache emptied.
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(gen.hrEmail);
  await page.getByLabel('Password', { exact: true }).fill(BENCH_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/dashboard'));
  await page.locator('.heatmap__table').waitFor({ timeout: 60_000 });
  await page.close();

  /** Milliseconds from navigation start to `selector` visible and the next frame painted (the page's own clock). */
  const paintedAt = async (url: string, selector: string): Promise<number> => {
    const p = await context.newPage();
    try {
      const cdp = await context.newCDPSession(p);
      await cdp.send('Network.clearBrowserCache');
      await p.goto(url, { waitUntil: 'commit' });
      await p.locator(selector).first().waitFor({ timeout: 60_000 });
      return await p.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
    } finally {
      await p.close();
    }
  };
  const ours: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < reps; i++) {
    baseline.push(await paintedAt(blankUrl, 'p'));
    ours.push(await paintedAt('/dashboard', '.heatmap__table'));
    log(`rep ${i + 1}: dashboard ${fmtMs(ours.at(-1)!)}, blank page ${fmtMs(baseline.at(-1)!)}`);
  }
  const o = median(ours);
  const b = median(baseline);
  emit([
    bundleRow,
    {
      id: 'web-paint',
      work: 'Web: HR dashboard heatmap painted, Chromium, cold cache',
      ours: `${fmtMs(o)} (median of ${reps})`,
      baseline: `${fmtMs(b)} (static page)`,
      ratio: fmtRatio(o / b),
      goal: '< 1 s',
      met: o < 1000 ? 'yes' : 'no',
      data: { people, ours, baseline },
    },
  ]);
} finally {
  await browser.close();
  blank.close();
  if (preview && preview.exitCode === null) {
    preview.kill('SIGTERM');
    await new Promise((r) => preview!.once('exit', r));
  }
  await services?.stop();
  await db.drop();
  await deleteRedisKeys(prefix);
}
