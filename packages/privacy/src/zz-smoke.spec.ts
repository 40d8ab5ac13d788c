import { protectRelease } from './protect.js';
import type { ReleaseInput } from './model.js';

function rng(seed: number) { return () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; }; }

it('smoke', async () => {
  const r = rng(7);
  const units = [
    { id: 'co', parentId: null, name: 'Co' },
    { id: 'eng', parentId: 'co', name: 'Eng' },
    { id: 'sales', parentId: 'co', name: 'Sales' },
    { id: 'web', parentId: 'eng', name: 'Web' },
    { id: 'api', parentId: 'eng', name: 'Api' },
    { id: 'ops', parentId: 'co', name: 'Ops' },
  ];
  const sizes: Record<string, number> = { co: 2, eng: 3, sales: 14, web: 9, api: 4, ops: 6 };
  const locs = ['Paris', 'London'];
  const headcounts = []; const responses = [];
  for (const [u, size] of Object.entries(sizes)) {
    for (let i = 0; i < size; i++) {
      const loc = locs[Math.floor(r() * 2)]!;
      headcounts.push({ unitId: u, dims: { location: loc }, eligible: 1 });
      if (r() < 0.8) responses.push({ unitId: u, dims: { location: loc }, answers: { q1: 1 + Math.floor(r() * 5) } });
    }
  }
  const input: ReleaseInput = { releaseId: 'r1', units, dimensions: ['location'], headcounts, responses, questions: [{ key: 'q1', min: 1, max: 5 }] };
  const t0 = performance.now();
  const res = await protectRelease(input, { k: 5 });
  console.log((performance.now() - t0).toFixed(0), 'ms');
  if (res.published) {
    for (const c of res.release.cells) console.log(c.key, c.status, c.reason ?? '', c.n ?? '', JSON.stringify(c.measures.q1));
    console.log(res.fixRounds, res.audit.stats, res.audit.redundant);
  } else console.log(res.reason, JSON.stringify(res.audit?.violations, null, 1));
});
