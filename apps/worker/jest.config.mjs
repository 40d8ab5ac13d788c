import path from 'node:path';
import { jestConfig } from '../../jest.preset.mjs';

const base = jestConfig(import.meta.dirname);
// The benchmark data generator's invariant test (bench/generate.test.ts) runs here: it builds
// rounds with the worker's own cell code. Only *.test.ts: bench/*.spec.ts are timings, not tests.
const bench = path.join(import.meta.dirname, '../../bench');
export default { ...base, roots: ['<rootDir>', bench], testMatch: [...base.testMatch, `${bench}/*.test.ts`] };
