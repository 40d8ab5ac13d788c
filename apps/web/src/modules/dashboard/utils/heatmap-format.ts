/** Formatting for the results heatmap. Colours follow a figure; nothing is ever ordered by one. */

export function formatPercent(share: number | null | undefined): string | null {
  if (share === null || share === undefined || !Number.isFinite(share)) return null;
  return `${Math.round(share * 100)}%`;
}

export function formatMean(mean: number | null | undefined): string | null {
  if (mean === null || mean === undefined || !Number.isFinite(mean)) return null;
  return mean.toFixed(1);
}

/**
 * Five colour steps for the share of favourable answers (an absolute scale, the same on every
 * page), so a cell's colour never depends on the other cells.
 */
export type Tone = 'tone-1' | 'tone-2' | 'tone-3' | 'tone-4' | 'tone-5' | 'tone-none';

export function toneFor(share: number | null | undefined): Tone {
  if (share === null || share === undefined || !Number.isFinite(share)) return 'tone-none';
  if (share < 0.4) return 'tone-1';
  if (share < 0.55) return 'tone-2';
  if (share < 0.7) return 'tone-3';
  if (share < 0.85) return 'tone-4';
  return 'tone-5';
}

export const TONE_LEGEND: readonly { tone: Tone; label: string }[] = [
  { tone: 'tone-1', label: 'under 40% favourable' },
  { tone: 'tone-2', label: '40–54%' },
  { tone: 'tone-3', label: '55–69%' },
  { tone: 'tone-4', label: '70–84%' },
  { tone: 'tone-5', label: '85% or more' },
];

/** "4.1 on a 1–5 scale" — what a mean means. */
export function describeMean(mean: number | null | undefined, min: number, max: number): string | null {
  const value = formatMean(mean);
  return value === null ? null : `average ${value} on a ${min}–${max} scale`;
}

export interface ReleaseLike {
  id: string;
  status: 'PUBLISHED' | 'WITHHELD';
  kind: 'ROUND' | 'MONTH';
}

/**
 * The release a dashboard opens on: the one in the URL if it exists, otherwise the newest
 * published one (the list comes newest first), otherwise the newest of any status.
 */
export function defaultRelease<T extends ReleaseLike>(releases: readonly T[], requested: string | null): T | null {
  if (requested) {
    const found = releases.find((r) => r.id === requested);
    if (found) return found;
  }
  return releases.find((r) => r.status === 'PUBLISHED') ?? releases[0] ?? null;
}

/** The label of a result row: the unit, "people directly in it", and the cut value. */
export function rowLabel(row: { name: string; direct: boolean; isSelectedUnit: boolean; dimensionValue?: string | null }): string {
  let name = row.name;
  if (row.direct && !/\(direct\)/i.test(name)) name = `${name} (direct reports only)`;
  if (row.isSelectedUnit) name = `${name} — whole unit`;
  return row.dimensionValue ? `${name} · ${dimensionValueLabel(row.dimensionValue)}` : name;
}

// Tenure bands and the engine's coarsened values, in words; locations are shown as named.
const VALUE_LABELS: Record<string, string> = {
  LT1: 'less than 1 year',
  Y1_2: '1–2 years',
  Y2_5: '2–5 years',
  Y5_PLUS: '5 years or more',
  Other: 'other (small groups combined)',
  // A dimension coarsened away for a small unit at launch, or never recorded.
  Unknown: 'not split or not recorded',
};

export function dimensionValueLabel(value: string): string {
  return VALUE_LABELS[value] ?? value;
}

export function dimensionLabel(dimension: string): string {
  const labels: Record<string, string> = { location: 'Location', tenure: 'Tenure' };
  return labels[dimension] ?? dimension.charAt(0).toUpperCase() + dimension.slice(1);
}
