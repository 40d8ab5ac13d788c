// Worker-thread entry: protects one choice of tables (protectModel's first candidate with
// splits) while the main thread protects the release without any. Same code, same inputs (the
// grid is rebuilt from the model, deterministically), so the same result as in-process.

import { parentPort, workerData } from 'node:worker_threads';
import { buildGrid } from './grid.js';
import type { CellModel } from './model.js';
import { protectTables, type AuditRoundEvent, type ProtectOptions } from './protect.js';

const { model, tables, options } = workerData as { model: CellModel; tables: Uint8Array; options: ProtectOptions };
const rounds: AuditRoundEvent[] = [];
const result = await protectTables(model, buildGrid(model), tables, { ...options, onAuditRound: (round) => rounds.push(round) });
parentPort!.postMessage({ result, rounds });
