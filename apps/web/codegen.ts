import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Web GraphQL types are generated from the API's committed schema, never hand-written.
 * Regenerate after changing an operation or pulling a new schema: `npm run codegen -w @pulsewise/web`.
 * `npm run codegen:check -w @pulsewise/web` fails when src/gql/ is stale (for CI).
 */
const config: CodegenConfig = {
  schema: '../api/schema.gql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Operations are sent as strings by our fetch client: no graphql-js at runtime.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string', ID: 'string' },
        skipTypename: true,
        avoidOptionals: false,
      },
    },
  },
};

export default config;
