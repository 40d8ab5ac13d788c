import { hiddenReasonText, type HiddenReasonCode } from './hidden-reason';

/** "2026-03" → "Mar 2026" (or "Mar" when short). */
export function monthLabel(month: string, short = false): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  const date = new Date(Date.UTC(y, m - 1, 1));
  return new Intl.DateTimeFormat('en-GB', short ? { month: 'short', timeZone: 'UTC' } : { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export interface SignalPointLike {
  month: string;
  value?: number | null;
  hidden: boolean;
  reason?: HiddenReasonCode | null;
  band?: string | null;
  n?: number | null;
}

export interface ChartRow {
  month: string;
  value: number | null;
  trend: number | null;
  /** For hidden points: where the marker sits and why. */
  hiddenReason: string | null;
}

/**
 * One row per month of the shared axis. Hidden months carry no value (a gap in the line, never
 * a zero) and the reason in words.
 */
export function chartRows(
  months: readonly string[],
  points: readonly SignalPointLike[],
  trend: readonly { month: string; value?: number | null }[],
  k: number,
): ChartRow[] {
  const byMonth = new Map(points.map((p) => [p.month, p]));
  const trendByMonth = new Map(trend.map((t) => [t.month, t.value ?? null]));
  return months.map((month) => {
    const point = byMonth.get(month);
    const hidden = point?.hidden ?? false;
    return {
      month,
      value: !hidden && point?.value !== undefined && point?.value !== null ? point.value : null,
      trend: trendByMonth.get(month) ?? null,
      hiddenReason: hidden ? hiddenReasonText(point?.reason ?? null, k, point?.band) : null,
    };
  });
}

/** Numbers for axis ticks and tables: at most 3 significant decimals, no trailing zeros. */
export function formatValue(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const rounded = Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-GB') : String(Number(value.toFixed(Math.abs(value) >= 10 ? 1 : 2)));
  return unit ? `${rounded} ${unit}` : rounded;
}

/** "Healthy: 20–30 days" / "Healthy: at least 20 days" / null. */
export function healthyBandText(min: number | null | undefined, max: number | null | undefined, unit: string): string | null {
  const has = (v: number | null | undefined): v is number => v !== null && v !== undefined;
  if (has(min) && has(max)) return `Healthy range: ${formatValue(min)}–${formatValue(max)} ${unit}`.trim();
  if (has(min)) return `Healthy: at least ${formatValue(min, unit)}`;
  if (has(max)) return `Healthy: at most ${formatValue(max, unit)}`;
  return null;
}

/** A one-sentence summary for screen readers: latest shown value and hidden months. */
export function seriesSummary(name: string, rows: readonly ChartRow[], unit: string): string {
  const shown = rows.filter((r) => r.value !== null);
  const hidden = rows.filter((r) => r.hiddenReason !== null).length;
  const last = shown[shown.length - 1];
  const parts = [
    last ? `${name}: latest shown value ${formatValue(last.value, unit)} in ${monthLabel(last.month)}` : `${name}: no month can be shown`,
  ];
  if (hidden > 0) parts.push(`${hidden} month${hidden === 1 ? '' : 's'} hidden to protect anonymity`);
  return `${parts.join('; ')}.`;
}

/**
 * The value axis: every shown value and trend point, and the healthy band's ends so the band is
 * visible, with a little room around them.
 */
export function yDomain(rows: readonly ChartRow[], healthyMin?: number | null, healthyMax?: number | null): [number, number] {
  const values = rows.flatMap((r) => [r.value, r.trend]).filter((v): v is number => v !== null && Number.isFinite(v));
  for (const bound of [healthyMin, healthyMax]) if (bound !== null && bound !== undefined && Number.isFinite(bound)) values.push(bound);
  if (values.length === 0) return [0, 1];
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low === high) {
    low -= Math.abs(low) * 0.1 || 1;
    high += Math.abs(high) * 0.1 || 1;
  }
  const pad = (high - low) * 0.1;
  return [Number((low - pad).toPrecision(3)), Number((high + pad).toPrecision(3))];
}
