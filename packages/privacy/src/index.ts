// Public API of the privacy engine: pure functions, no I/O.
export { ALL, UNKNOWN, cellKey, directNodeKey, unitNodeKey } from './keys.js';
export { PrivacyInputError, buildCellModel } from './cells.js';
export { bandFor } from './banding.js';
export { MIN_K, protectModel, protectRelease, type ProtectOptions, type ProtectResult } from './protect.js';
export { auditRelease, type AuditOptions } from './audit/index.js';
export type * from './model.js';
