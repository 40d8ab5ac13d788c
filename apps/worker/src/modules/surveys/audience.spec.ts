import fc from 'fast-check';
import { audienceUnits, coarsenCells, questionsForRound, tenureBand } from './audience.js';

describe('audienceUnits', () => {
  const units = [
    { id: 'root', parentId: null },
    { id: 'eng', parentId: 'root' },
    { id: 'plat', parentId: 'eng' },
    { id: 'sec', parentId: 'eng' },
    { id: 'ops', parentId: 'root' },
  ];
  it('includes whole subtrees and removes excluded ones', () => {
    expect([...audienceUnits(units, ['eng'], ['sec'])].sort()).toEqual(['eng', 'plat']);
    expect(audienceUnits(units, ['root'], []).size).toBe(5);
  });
});

describe('questionsForRound', () => {
  it('rotates through the keys round by round', () => {
    const keys = ['a', 'b', 'c', 'd', 'e'];
    expect(questionsForRound(keys, 3, 1)).toEqual(['a', 'b', 'c']);
    expect(questionsForRound(keys, 3, 2)).toEqual(['d', 'e', 'a']);
    expect(questionsForRound(['a', 'b', 'c'], 3, 7)).toEqual(['a', 'b', 'c']);
  });
});

describe('tenureBand', () => {
  it('bands by years since the start date', () => {
    const at = new Date('2026-11-24');
    expect(tenureBand(new Date('2026-06-01'), at)).toBe('LT1');
    expect(tenureBand(new Date('2025-06-01'), at)).toBe('Y1_2');
    expect(tenureBand(new Date('2022-01-01'), at)).toBe('Y2_5');
    expect(tenureBand(new Date('2010-01-01'), at)).toBe('Y5_PLUS');
    expect(tenureBand(null, at)).toBe('UNKNOWN');
  });
});

describe('coarsenCells', () => {
  it('merges rare values into OTHER, and drops the dimension when OTHER is still too small', () => {
    const people = [
      ...Array.from({ length: 6 }, () => ({ unitId: 'u', location: 'Berlin', tenure: 'Y2_5' })),
      ...Array.from({ length: 3 }, () => ({ unitId: 'u', location: 'Tokyo', tenure: 'Y2_5' })),
      ...Array.from({ length: 2 }, () => ({ unitId: 'u', location: 'Boston', tenure: 'LT1' })),
    ];
    const out = coarsenCells(people, 5, { location: true, tenure: true });
    expect(new Set(out.map((p) => p.location))).toEqual(new Set(['Berlin', 'OTHER']));
    expect(new Set(out.map((p) => p.tenure))).toEqual(new Set(['ALL']));
  });

  it('never stores a demographic value held by fewer than k people of a unit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ unitId: fc.constantFrom('a', 'b', 'c'), location: fc.constantFrom('X', 'Y', 'Z', 'W'), tenure: fc.constantFrom('LT1', 'Y1_2', 'Y5_PLUS') }), { maxLength: 60 }),
        fc.integer({ min: 3, max: 8 }),
        (people, k) => {
          const out = coarsenCells(people, k, { location: true, tenure: true });
          for (const dim of ['location', 'tenure'] as const) {
            const counts = new Map<string, number>();
            for (const p of out) if (p[dim] !== 'ALL') counts.set(`${p.unitId}|${p[dim]}`, (counts.get(`${p.unitId}|${p[dim]}`) ?? 0) + 1);
            for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(k);
          }
        },
      ),
    );
  });
});
