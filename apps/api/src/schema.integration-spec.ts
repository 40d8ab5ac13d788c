// The committed schema.gql is the contract the web app is generated from:
// CI fails when the code-first schema has drifted from it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SCHEMA_PATH } from './test-support/schema-operations.js';
import { startTestApp, type TestApp } from './test-support/test-app.js';

let api: TestApp;
const dir = mkdtempSync(path.join(tmpdir(), 'pulsewise-schema-'));
const generated = path.join(dir, 'schema.gql');

beforeAll(async () => {
  api = await startTestApp('schema', { GRAPHQL_SCHEMA_FILE: generated });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('matches the committed apps/api/schema.gql (run `npm run schema:write -w @pulsewise/api` after changing resolvers)', () => {
  expect(readFileSync(generated, 'utf8')).toBe(readFileSync(SCHEMA_PATH, 'utf8'));
});
