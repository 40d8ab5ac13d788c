// (f) Web: the initial JavaScript a first page load downloads (gzip, apps/web/scripts/
// check-bundle-size.mjs over the built app), and the time from navigation to the HR dashboard's
// heatmap painted in headless Chromium (/usr/bin/chromium through playwright-core), signed in,
// with a cold HTTP cache each time, served by `vite preview` proxying /graphql to the built API.
// Baseline in the same run for the paint: the same browser loading a static one-line page.
//
//   npx tsx bench/web.bench.ts [--people 400] [--reps 5]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
/** --trace: print the network waterfall of each dashboard load (what the paint waits for). */
const trace = f.trace !== undefined;
/** --cpu-prof <dir>: also write each dashboard load's main-thread CPU profile there (summarise with bench/profile-top.mjs). */
const cpuProfDir = f['cpu-prof'];
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

  // The page's own record of when each measured element was first painted: a MutationObserver
  // installed before any page script sees the element inserted, and the time is taken once the
  // next frame is out (rAF, then a task). Measuring from the bench instead (Playwright polls for
  // the element, then a round trip asks for two frames) also counts whatever work the page starts
  // in between — on the dashboard, the charts rendered below the heatmap; that figure is kept as
  // `harness` for comparison with earlier runs.
  // (A string, not a function: tsx would wrap named functions in a helper the page lacks.)
  await context.addInitScript({
    content: `(() => {
      const selectors = ['.heatmap__table', 'p'];
      window.__paintedAt = {};
      new MutationObserver(() => {
        for (const s of selectors) {
          if (s in window.__paintedAt || !document.querySelector(s)) continue;
          window.__paintedAt[s] = null;
          requestAnimationFrame(() => setTimeout(() => { window.__paintedAt[s] = performance.now(); }, 0));
        }
      }).observe(document, { childList: true, subtree: true });
    })();`,
  });

  /** Milliseconds from navigation start to `selector` painted: the page's own record, and the harness's. */
  const paintedAt = async (url: string, selector: string): Promise<{ inPage: number; harness: number }> => {
    const p = await context.newPage();
    try {
      const cdp = await context.newCDPSession(p);
      await cdp.send('Network.clearBrowserCache');
      const waterfall: string[] = [];
      if (trace) {
        p.on('requestfinished', (r) => {
          const t = r.timing();
          const op = /"operationName":"(\w+)"/.exec(r.postData() ?? '')?.[1] ?? /query (\w+)/.exec(r.postData() ?? '')?.[1] ?? '';
          waterfall.push(`${t.startTime.toFixed(0)} +${t.responseEnd.toFixed(0)} ms ${r.method()} ${new URL(r.url()).pathname} ${op}`);
        });
      }
      const profiling = Boolean(cpuProfDir) && url.startsWith('/');
      if (profiling) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      await p.goto(url, { waitUntil: 'commit' });
      await p.locator(selector).first().waitFor({ timeout: 60_000 });
      const harness = await p.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
      await p.waitForFunction((s) => typeof (window as unknown as { __paintedAt: Record<string, number | null> }).__paintedAt[s] === 'number', selector);
      const inPage = await p.evaluate((s) => (window as unknown as { __paintedAt: Record<string, number> }).__paintedAt[s]!, selector);
      const painted = inPage;
      if (profiling) {
        const { profile } = await cdp.send('Profiler.stop');
        mkdirSync(cpuProfDir!, { recursive: true });
        const file = path.join(cpuProfDir!, `dashboard-${Date.now()}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        log(`CPU profile: ${file}`);
      }
      if (trace && waterfall.length) {
        const t0 = Math.min(...waterfall.map((w) => Number(w.split(' ')[0])));
        log(`waterfall of ${url} (painted at ${painted.toFixed(0)} ms; harness ${harness.toFixed(0)} ms):\n${waterfall.map((w) => `  ${(Number(w.split(' ')[0]) - t0).toFixed(0).padStart(5)} ms ${w.split(' ').slice(1).join(' ')}`).join('\n')}`);
      }
      return { inPage, harness };
    } finally {
      await p.close();
    }
  };
  const ours: number[] = [];
  const baseline: number[] = [];
  const harness = { ours: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < reps; i++) {
    const blankPaint = await paintedAt(blankUrl, 'p');
    const dashboardPaint = await paintedAt('/dashboard', '.heatmap__table');
    baseline.push(blankPaint.inPage);
    ours.push(dashboardPaint.inPage);
    harness.baseline.push(blankPaint.harness);
    harness.ours.push(dashboardPaint.harness);
    log(`rep ${i + 1}: dashboard ${fmtMs(dashboardPaint.inPage)} (harness ${fmtMs(dashboardPaint.harness)}), blank page ${fmtMs(blankPaint.inPage)} (harness ${fmtMs(blankPaint.harness)})`);
  }
  const o = median([...ours]);
  const b = median([...baseline]);
  const oh = median([...harness.ours]);
  emit([
    bundleRow,
    {
      id: 'web-paint',
      work: 'Web: HR dashboard heatmap painted, Chromium, cold cache',
      ours: `${fmtMs(o)} (median of ${reps}; ${fmtMs(oh)} by the harness's polling)`,
      baseline: `${fmtMs(b)} (static page)`,
      ratio: fmtRatio(o / b),
      goal: '< 1 s',
      met: o < 1000 ? 'yes' : 'no',
      data: { people, ours, baseline, harness },
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
