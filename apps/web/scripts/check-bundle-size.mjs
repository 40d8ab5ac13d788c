#!/usr/bin/env node
// Prints the gzip size of the JavaScript a first page load downloads (the entry chunk and
// everything it imports statically; lazy route chunks excluded) and fails above the budget.
// Usage: node scripts/check-bundle-size.mjs [--json]   (after `vite build`)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = Number(process.env.WEB_INITIAL_JS_BUDGET_KB ?? 250);
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1000;
const rawKb = (file) => readFileSync(join(dist, file)).length / 1000;

const initial = new Set();
const css = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const file of chunk.css ?? []) css.add(file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

const lazy = Object.values(manifest)
  .filter((c) => c.file.endsWith('.js') && !initial.has(c.file))
  .map((c) => c.file);

const rows = [...initial].map((file) => ({ file, rawKb: rawKb(file), gzipKb: gzipKb(file) }));
const totalGzip = rows.reduce((sum, r) => sum + r.gzipKb, 0);
const totalRaw = rows.reduce((sum, r) => sum + r.rawKb, 0);
const cssGzip = [...css].reduce((sum, f) => sum + gzipKb(f), 0);
const lazyGzip = lazy.reduce((sum, f) => sum + gzipKb(f), 0);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ initialJsGzipKb: +totalGzip.toFixed(2), initialJsRawKb: +totalRaw.toFixed(2), cssGzipKb: +cssGzip.toFixed(2), lazyChunks: lazy.length, lazyJsGzipKb: +lazyGzip.toFixed(2), budgetKb: BUDGET_KB }));
} else {
  for (const r of rows) console.log(`  initial  ${r.file}  ${r.rawKb.toFixed(1)} kB raw, ${r.gzipKb.toFixed(1)} kB gzip`);
  console.log(`  css      ${cssGzip.toFixed(1)} kB gzip`);
  console.log(`  lazy     ${lazy.length} route chunks, ${lazyGzip.toFixed(1)} kB gzip in total (not in the first load)`);
  console.log(`Initial JS: ${totalGzip.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`);
}
if (totalGzip > BUDGET_KB) {
  console.error(`Initial JS is ${totalGzip.toFixed(1)} kB gzip, over the ${BUDGET_KB} kB budget. Lazy-load heavy pages (React.lazy).`);
  process.exit(1);
}
