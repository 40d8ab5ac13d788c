import { existsSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Web GraphQL types are generated from the API's committed schema, never hand-written.
 *
 * TEMPORARY: until apps/api/schema.gql is committed, we generate from the agreed contract in
 * src/gql-contract.TEMPORARY.graphql. Delete that file and this fallback once the real schema exists.
 */
const REAL_SCHEMA = '../api/schema.gql';
const TEMPORARY_CONTRACT = 'src/gql-contract.TEMPORARY.graphql';
const schema = existsSync(new URL(REAL_SCHEMA, import.meta.url)) ? REAL_SCHEMA : TEMPORARY_CONTRACT;
if (schema === TEMPORARY_CONTRACT) {
  console.warn(`[codegen] ${REAL_SCHEMA} not found — using the TEMPORARY contract ${TEMPORARY_CONTRACT}`);
}

const config: CodegenConfig = {
  schema,
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
