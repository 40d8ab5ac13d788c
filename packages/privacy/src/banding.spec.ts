import { bandFor } from './banding.js';
import type { HistogramMeasureDef } from './model.js';

const likert: HistogramMeasureDef = { kind: 'histogram', key: 'q', min: 1, max: 5, favourableAtLeast: 4 };
/** fav favourable answers (5) and the rest unfavourable (2). */
const stats = (fav: number, count: number) => ({ count, sum: 5 * fav + 2 * (count - fav), histogram: [0, count - fav, 0, 0, fav] });

describe('banding', () => {
  it('shows 90%+ and 10%- results as bands from 10 answers up', () => {
    expect(bandFor(likert, stats(10, 10))).toEqual({ direction: 'HIGH', share: 0.9, label: '≥90% favourable' });
    expect(bandFor(likert, stats(9, 10))).toEqual({ direction: 'HIGH', share: 0.9, label: '≥90% favourable' });
    expect(bandFor(likert, stats(8, 10))).toBeNull();
    expect(bandFor(likert, stats(1, 10))).toEqual({ direction: 'LOW', share: 0.1, label: '≤10% favourable' });
    expect(bandFor(likert, stats(38, 40))).toEqual(bandFor(likert, stats(40, 40)));
  });

  it('never lets a band prove unanimity: below 10 answers it always allows one dissenter', () => {
    for (let count = 3; count < 10; count++) {
      const all = bandFor(likert, stats(count, count));
      expect(all).not.toBeNull();
      expect(bandFor(likert, stats(count - 1, count))).toEqual(all); // same band, unanimous or not
      expect(all!.share * count).toBeLessThanOrEqual(count - 1); // the band's share admits a dissenter
    }
    expect(bandFor(likert, stats(5, 5))!.label).toBe('≥80% favourable');
  });

  it('treats everyone answering the same neutral value as a low band', () => {
    expect(bandFor(likert, { count: 7, sum: 21, histogram: [0, 0, 7, 0, 0] })?.direction).toBe('LOW');
  });

  it('uses the question’s own favourable threshold (eNPS promoters are 9–10)', () => {
    const enps: HistogramMeasureDef = { kind: 'histogram', key: 'e', min: 0, max: 10, favourableAtLeast: 9 };
    const hist = new Array(11).fill(0);
    hist[8] = 10; // all passives
    expect(bandFor(enps, { count: 10, sum: 80, histogram: hist })?.direction).toBe('LOW');
  });
});
