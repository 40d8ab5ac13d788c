// Shared Jest setup for every backend workspace.
// NestJS 12 is ESM-only, so Jest runs in ESM mode and @swc/jest strips types
// (type-checking is a separate `tsc --noEmit` step, twice as fast overall).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));

export function jestConfig(packageDir, overrides = {}) {
  return {
    rootDir: packageDir,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.integration-spec.ts', '<rootDir>/test/**/*.spec.ts'],
    moduleNameMapper: {
      '^@pulsewise/db/testing$': `${repoRoot}/packages/db/src/testing/index.ts`,
      '^@pulsewise/(config|db|jobs|privacy)$': `${repoRoot}/packages/$1/src/index.ts`,
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
            keepClassNames: true,
          },
          module: { type: 'es6' },
          sourceMaps: 'inline',
        },
      ],
    },
    testTimeout: 30_000, // when a workspace runs alone (`npm test -w`); the root config sets it for `npm test`
    ...overrides,
  };
}
