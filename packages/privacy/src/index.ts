// Public API of the privacy engine: pure functions, no I/O.
export { ALL, UNKNOWN, cellKey, directNodeKey, unitNodeKey } from './keys.js';
export { PrivacyInputError, buildCellModel, defaultFavourableAtLeast } from './cells.js';
export { bandFor } from './banding.js';
export { excludeSmallResidualGroups, type ExcludedResidual, type ResidualExclusion } from './residuals.js';
export { MIN_K, protectModel, protectRelease, type ProtectOptions, type ProtectResult } from './protect.js';
export { auditRelease, type AuditOptions } from './audit/index.js';
export { commentGroupsAllowed, commentThreshold, type CommentGroup } from './comments.js';
export {
  observationReleaseId,
  protectObservations,
  type ObservationRow,
  type ObservationsInput,
  type ObservationsOptions,
  type SignalDef,
} from './observations.js';
export type * from './model.js';
