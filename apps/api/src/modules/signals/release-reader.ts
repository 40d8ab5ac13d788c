// Reads what audited releases say about given org nodes over a window of months —
// the only way a signal value reaches the API (PRIVACY.md promise 6: nothing here
// aggregates responses or imported rows). Survey (PULSE) signals read the round
// releases of their question (a round belongs to the month it opened in, UTC);
// imported signals read their own per-month releases.
import type { Tx } from '@pulsewise/db';
import { ALL } from '@pulsewise/privacy';
import { monthBounds, monthOf } from './months.js';
import { readMeasure, type CellReading } from './signal-points.js';

/** readings.get(`${key}|${nodeKey}|${month}`): one reading per release that covers it. */
export type Readings = Map<string, CellReading[]>;

export const readingKey = (key: string, nodeKey: string, month: string) => `${key}|${nodeKey}|${month}`;

function push(map: Readings, key: string, reading: CellReading): void {
  const list = map.get(key);
  if (list) list.push(reading);
  else map.set(key, [reading]);
}

const isUncut = (dims: unknown) => Object.values((dims ?? {}) as Record<string, string>).every((v) => v === ALL);

/** Pulse question figures (keyed by question key) from the round releases of rounds opened between `from` and `to`. */
export async function readPulseReleases(tx: Tx, questionKeys: readonly string[], nodeKeys: readonly string[], from: string, to: string): Promise<Readings> {
  const out: Readings = new Map();
  if (questionKeys.length === 0 || nodeKeys.length === 0) return out;
  const rounds = await tx.pulseRound.findMany({
    where: { opensAt: { gte: monthBounds(from).start, lt: monthBounds(to).end } },
    select: { id: true, opensAt: true, questions: { select: { question: { select: { key: true } } } } },
  });
  if (rounds.length === 0) return out;
  const releases = await tx.release.findMany({ where: { kind: 'ROUND', roundId: { in: rounds.map((r) => r.id) } }, select: { id: true, roundId: true, status: true } });
  const published = releases.filter((r) => r.status === 'PUBLISHED').map((r) => r.id);
  const cells = published.length
    ? await tx.releaseCell.findMany({ where: { releaseId: { in: published }, nodeKey: { in: [...nodeKeys] } }, select: { releaseId: true, nodeKey: true, dims: true, status: true, reason: true, measures: true } })
    : [];
  const cellsByRelease = new Map<string, typeof cells>();
  for (const c of cells) if (isUncut(c.dims)) cellsByRelease.set(c.releaseId, [...(cellsByRelease.get(c.releaseId) ?? []), c]);
  const wanted = new Set(questionKeys);
  for (const round of rounds) {
    const release = releases.find((r) => r.roundId === round.id);
    if (!release) continue; // not aggregated yet: no data
    const month = monthOf(round.opensAt);
    const asked = round.questions.map((q) => q.question.key).filter((k) => wanted.has(k));
    if (release.status === 'WITHHELD') {
      for (const q of asked) for (const node of nodeKeys) push(out, readingKey(q, node, month), { status: 'WITHHELD' });
      continue;
    }
    for (const cell of cellsByRelease.get(release.id) ?? []) {
      for (const q of asked) {
        const reading = readMeasure(cell.status, cell.reason, (cell.measures as Record<string, unknown>)[q]);
        if (reading) push(out, readingKey(q, cell.nodeKey, month), reading);
      }
    }
  }
  return out;
}

/**
 * Imported signal figures (keyed by signal id) from their audited monthly releases.
 * A release audited with a lower k than the tenant's current one is not shown (as
 * withheld) until it is published again with the new k (SignalsService.republishAll).
 */
export async function readImportedReleases(tx: Tx, signalIds: readonly string[], nodeKeys: readonly string[], from: string, to: string, currentK: number): Promise<Readings> {
  const out: Readings = new Map();
  if (signalIds.length === 0 || nodeKeys.length === 0) return out;
  const all = await tx.signalRelease.findMany({ where: { signalId: { in: [...signalIds] }, month: { gte: from, lte: to } }, select: { id: true, signalId: true, month: true, status: true, k: true } });
  const releases = all.map((r) => (r.k < currentK ? { ...r, status: 'WITHHELD' as const } : r));
  const published = releases.filter((r) => r.status === 'PUBLISHED');
  const cells = published.length
    ? await tx.signalReleaseCell.findMany({ where: { releaseId: { in: published.map((r) => r.id) }, nodeKey: { in: [...nodeKeys] } }, select: { releaseId: true, nodeKey: true, status: true, reason: true, measure: true } })
    : [];
  const byId = new Map(releases.map((r) => [r.id, r]));
  for (const r of releases) if (r.status === 'WITHHELD') for (const node of nodeKeys) push(out, readingKey(r.signalId, node, r.month), { status: 'WITHHELD' });
  for (const c of cells) {
    const r = byId.get(c.releaseId)!;
    const reading = readMeasure(c.status, c.reason, c.measure);
    if (reading) push(out, readingKey(r.signalId, c.nodeKey, r.month), reading);
  }
  return out;
}
