// Near-unanimous results are shown as a band, decided by one rule for every cell.
//
// A cell's question is banded when at most U answers are unfavourable (HIGH) or at
// most U are favourable (LOW), with U = max(1, floor(count / 10)). For 10 or more
// answers this is exactly "≥90% / ≤10% favourable". Below 10 answers a fixed 90%
// cut would mean "everyone" (9 of 9 is the only way to reach 90%), so the band
// always leaves room for at least one dissenting answer: the published band can
// never prove that a group was unanimous.

import type { Band, HistogramMeasureDef, MeasureStats } from './model.js';

/** Dissenting answers a band always allows. */
export function bandSlack(count: number): number {
  return Math.max(1, Math.floor(count / 10));
}

export function favourableCount(def: HistogramMeasureDef, stats: MeasureStats): number {
  let fav = 0;
  const hist = stats.histogram ?? [];
  for (let i = 0; i < hist.length; i++) if (def.min + i >= def.favourableAtLeast) fav += hist[i]!;
  return fav;
}

/** The band to show instead of exact figures, or null when the result is not near-unanimous. */
export function bandFor(def: HistogramMeasureDef, stats: MeasureStats): Band | null {
  const count = stats.count;
  if (count === 0) return null;
  const slack = bandSlack(count);
  const fav = favourableCount(def, stats);
  if (count - fav <= slack) {
    // Lowest share the rule admits for this count, rounded down: a true statement for every banded cell.
    const share = count >= 10 ? 0.9 : Math.floor((100 * (count - slack)) / count) / 100;
    return { direction: 'HIGH', share, label: `≥${Math.round(share * 100)}% favourable` };
  }
  if (fav <= slack) {
    const share = count >= 10 ? 0.1 : Math.ceil((100 * slack) / count) / 100;
    return { direction: 'LOW', share, label: `≤${Math.round(share * 100)}% favourable` };
  }
  return null;
}
