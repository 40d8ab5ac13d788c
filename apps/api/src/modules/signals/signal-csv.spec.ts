import { validateSignalCsv, type SignalCsvContext } from './signal-csv.js';

const ctx: SignalCsvContext = {
  k: 5,
  signals: new Map([
    ['time_off', { id: 's-time', source: 'IMPORT' as const, valueMin: 0, valueMax: 60 }],
    ['energy', { id: 's-energy', source: 'PULSE' as const, valueMin: 1, valueMax: 5 }],
  ]),
  units: new Map([
    ['', { id: 'root', directHeadcount: 2 }],
    ['Eng/Platform', { id: 'u-platform', directHeadcount: 8 }],
  ]),
  currentMonth: '2026-11',
};

describe('imported-signals CSV', () => {
  it('accepts a valid file (value is the average per person)', () => {
    const { rows, errors } = validateSignalCsv('signal,orgUnitPath,month,value,n\ntime_off,Eng/Platform,2026-03,21.5,8\n', ctx);
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ row: 2, signalId: 's-time', signalKey: 'time_off', orgUnitId: 'u-platform', month: '2026-03', value: 21.5, n: 8 }]);
  });

  it('reports every problem by line and column, and returns no rows when any is invalid', () => {
    const csv = [
      'signal,orgUnitPath,month,value,n',
      'time_off,Eng/Platform,2026-03,21.5,8', // valid
      'overtime,Eng/Platform,2026-03,3,8', // unknown signal
      'time_off,Eng/Nowhere,2026-03,3,8', // unknown unit
      'time_off,Eng/Platform,2026-04,3,4', // n < k
      'time_off,Eng/Platform,2026-05,lots,8', // non-numeric value
      'time_off,Eng/Platform,March,3,8', // bad month
      'time_off,Eng/Platform,2026-03,22,8', // duplicate
      'energy,Eng/Platform,2026-06,4,8', // pulse signal
      'time_off,Eng/Platform,2026-07,61,8', // outside range
      'time_off,Eng/Platform,2026-08,3,9', // more people than in the unit
      'time_off,Eng/Platform,2027-01,3,8', // future
    ].join('\n');
    const { rows, errors } = validateSignalCsv(csv, ctx);
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'signal'], [4, 'orgUnitPath'], [5, 'n'], [6, 'value'], [7, 'month'], [8, 'orgUnitPath'], [9, 'signal'], [10, 'value'], [11, 'n'], [12, 'month'],
    ]);
    expect(errors.find((e) => e.row === 5)!.message).toMatch(/fewer than .* anonymity threshold of 5/);
  });

  it('refuses unknown or missing columns before reading rows', () => {
    expect(validateSignalCsv('signal,unit,month,value\nx,y,2026-01,1\n', ctx).errors.map((e) => e.column)).toEqual(['orgUnitPath', 'n', 'unit']);
    expect(validateSignalCsv('', ctx).errors[0]!.message).toMatch(/empty/);
  });

  it('refuses more signal-months than one import can audit', () => {
    const lines = ['signal,orgUnitPath,month,value,n'];
    for (let y = 2020; y < 2026; y++) for (let m = 1; m <= 12; m++) lines.push(`time_off,Eng/Platform,${y}-${String(m).padStart(2, '0')},20,8`);
    const { rows, errors } = validateSignalCsv(lines.join('\n'), ctx);
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ row: 1, column: null, message: expect.stringMatching(/72 signal-months; at most 60/) }]);
  });

  it('takes "/" as the whole organisation', () => {
    const { errors } = validateSignalCsv('signal,orgUnitPath,month,value,n\ntime_off,/,2026-03,20,2\n', { ...ctx, k: 2 });
    expect(errors).toEqual([]);
  });
});
