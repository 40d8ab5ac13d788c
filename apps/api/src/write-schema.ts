// `npm run schema:write -w @pulsewise/api`: regenerates apps/api/schema.gql from the code-first resolvers.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE_ENV } from './app.module.js';

process.env[SCHEMA_FILE_ENV] = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.gql');
const { createApp } = await import('./bootstrap-app.js');
const app = await createApp({ logger: false });
await app.init();
await app.close();
console.log(`Wrote ${process.env[SCHEMA_FILE_ENV]}`);
