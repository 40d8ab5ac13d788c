// Jest config to time the worker's round aggregation on the seeded demo organisation
// (bench/privacy-seeded.spec.ts), with the worker's module mapping:
//   cd apps/worker && NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" \
//     DIMS=location,tenure npx jest -c ../../bench/privacy-seeded.jest.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jestConfig } from '../jest.preset.mjs';

const bench = path.dirname(fileURLToPath(import.meta.url));
export default jestConfig(path.join(bench, '../apps/worker'), { roots: [bench], testMatch: [`${bench}/${process.env.BENCH_SPEC ?? "privacy-seeded"}.spec.ts`] });
