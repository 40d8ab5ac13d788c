// Types shared by the builder, the suppressor and the independent auditor.
// Only types live here: the auditor may import this file and keys.ts, nothing else.

/** An org unit as the directory knows it. */
export interface OrgUnit {
  id: string;
  parentId: string | null;
  name: string;
}

/** Demographic values of a row; a missing, null or empty value becomes "Unknown". */
export type DimValues = Readonly<Record<string, string | null | undefined>>;

/**
 * Frozen audience snapshot: how many invited people sit in one (unit, demographics) leaf.
 * `block` names the round (or period) the snapshot belongs to; see ReleaseInput.
 */
export interface HeadcountRow {
  unitId: string;
  dims?: DimValues;
  eligible: number;
  block?: string;
}

/** One submitted response: where the respondent sits and what they answered. No person id. */
export interface ResponseRow {
  unitId: string;
  dims?: DimValues;
  answers: Readonly<Record<string, number | null | undefined>>;
  block?: string;
}

/** A closed question on an integer scale: 1–5 Likert, 0–10 eNPS, 0–1 yes/no. */
export interface QuestionDef {
  key: string;
  min: number;
  max: number;
  /** Answers >= this count as favourable. Default: min + ceil(0.75 * (max - min)) (4 on 1–5, 8 on 0–10, 1 on 0–1). */
  favourableAtLeast?: number;
}

/** Everything needed to build one release (one round, or one roll-up over several rounds). */
export interface ReleaseInput {
  /** Identity of this release, e.g. the round id. Default "release". */
  releaseId?: string;
  units: readonly OrgUnit[];
  /** Allowed demographic dimensions for this tenant (0–2 recommended; cost grows with each). */
  dimensions: readonly string[];
  headcounts: readonly HeadcountRow[];
  responses: readonly ResponseRow[];
  questions: readonly QuestionDef[];
  /**
   * Data blocks (rounds or periods) covered. Rows without `block` belong to the first block.
   * Default: [releaseId]. A roll-up over rounds r1 and r2 lists both and tags rows with their round,
   * so that the auditor can link it to the releases of r1 and r2.
   */
  blocks?: readonly string[];
}

/** A measure is an additive quantity published per cell besides the respondent count. */
export type MeasureDef = HistogramMeasureDef | SumMeasureDef;

/** A survey question: answers are integers in [min, max], published as a histogram, mean and favourable share. */
export interface HistogramMeasureDef {
  kind: 'histogram';
  key: string;
  min: number;
  max: number;
  favourableAtLeast: number;
}

/** A pre-aggregated value (imported signals): published as sum and mean; per-person values lie in [min, max] when known. */
export interface SumMeasureDef {
  kind: 'sum';
  key: string;
  min: number | null;
  max: number | null;
}

/** Additive statistics of one measure in one cell. */
export interface MeasureStats {
  /** How many people contributed a value. */
  count: number;
  sum: number;
  /** histogram[i] = number of answers equal to min + i (histogram measures only). */
  histogram?: number[];
}

/** A node of the publication tree: a unit's subtree (`u:`) or a unit's direct members (`d:`). */
export interface ModelNode {
  key: string;
  unitId: string;
  direct: boolean;
  name: string;
  parentKey: string | null;
  childKeys: string[];
  depth: number;
}

/** The finest data: one (block, unit, full demographics) group. Never published as such. */
export interface ModelAtom {
  key: string;
  block: string;
  unitId: string;
  dims: Record<string, string>;
  /** Eligible headcount; null when unknown (imported data without a headcount). */
  h: number | null;
  n: number;
  measures: Record<string, MeasureStats>;
}

/** A publishable cell: (node, each dimension's value or ALL). */
export interface ModelCell {
  key: string;
  nodeKey: string;
  unitId: string;
  direct: boolean;
  dims: Record<string, string>;
  h: number | null;
  n: number;
  measures: Record<string, MeasureStats>;
}

/** The full, unprotected truth for one release. Never leaves the worker. */
export interface CellModel {
  releaseId: string;
  blocks: string[];
  dimensions: string[];
  /** Sorted values per dimension (ALL excluded). */
  dimValues: Record<string, string[]>;
  /** Sorted by key. */
  nodes: ModelNode[];
  measures: MeasureDef[];
  /** Sorted by key. */
  atoms: ModelAtom[];
  /** Sorted by key; cells with eligible headcount 0 do not exist (they are structural zeros). */
  cells: ModelCell[];
}

export type HiddenReason = 'BELOW_THRESHOLD' | 'COMPLEMENTARY';

/** A near-unanimous result shown as a band instead of exact figures. */
export interface Band {
  direction: 'HIGH' | 'LOW';
  /** HIGH: the favourable share is at least this (0..1). LOW: at most this. */
  share: number;
  /** e.g. "≥90% favourable". */
  label: string;
}

export type MeasureResult =
  | { status: 'PUBLISHED'; count: number; sum: number; mean: number; histogram?: number[]; favourableShare?: number }
  | { status: 'BANDED'; reason: 'BANDED'; band: Band }
  | { status: 'HIDDEN'; reason: HiddenReason };

/** A cell as published: figures only when status is PUBLISHED. */
export interface ReleaseCell {
  key: string;
  nodeKey: string;
  unitId: string;
  direct: boolean;
  dims: Record<string, string>;
  /** Frozen audience size (not a survey result): the auditor assumes attackers know it. Do not display it for hidden cells. */
  eligible: number | null;
  status: 'PUBLISHED' | 'HIDDEN';
  reason?: HiddenReason;
  /** Respondent count, published cells only. */
  n?: number;
  measures: Record<string, MeasureResult>;
}

/** Audience of one atom, kept so later releases can be audited against this one. */
export interface ReleaseAtom {
  block: string;
  unitId: string;
  dims: Record<string, string>;
  eligible: number | null;
}

export interface ReleaseNode {
  key: string;
  unitId: string;
  direct: boolean;
  name: string;
  parentKey: string | null;
}

/** An audited release: the only thing the API may serve. */
export interface Release {
  releaseId: string;
  blocks: string[];
  k: number;
  dimensions: string[];
  dimValues: Record<string, string[]>;
  nodes: ReleaseNode[];
  measures: MeasureDef[];
  /** Only needed (and only filled) when the release covers more than one block. */
  atoms: ReleaseAtom[];
  cells: ReleaseCell[];
}

export type ViolationKind =
  | 'EXACT'
  | 'COUNT_INTERVAL'
  | 'MEAN_INTERVAL'
  | 'INSIDER'
  | 'RESIDUAL'
  | 'THRESHOLD'
  | 'UNANIMITY'
  /** The release is too large for the bound checks to finish in reasonable time; it is not certified. */
  | 'AUDIT_LIMIT';

export interface Violation {
  /** Release the cell belongs to (the current one or a prior one). */
  releaseId: string;
  cellKey: string;
  kind: ViolationKind;
  /** 'n' for respondent counts, otherwise the measure (question) key. */
  layer: string;
  detail: string;
}

export interface AuditReport {
  ok: boolean;
  violations: Violation[];
  /** Hidden cells whose value can be worked out but which are not sensitive (n >= k, not near-unanimous). */
  redundant: { releaseId: string; cellKey: string; layer: string }[];
  stats: {
    hiddenCells: number;
    lpSolves: number;
    ms: number;
    /** Bound-check targets in regions too large for one LP that witnesses alone certified. */
    witnessCertified?: number;
    /** Targets in such regions certified by an atom-space LP (the target's atoms free, the rest pinned). */
    atomSpaceCertified?: number;
    /** The audit ran on one unknown per (round, unit): the releases hold only whole-node totals. */
    unitLevel?: boolean;
  };
}
