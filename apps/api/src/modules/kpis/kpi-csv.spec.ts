import { validateKpiCsv } from './kpi-csv.js';

const kpis = new Map([['revenue', { id: 'k-rev' }], ['csat', { id: 'k-csat' }]]);

describe('KPI CSV', () => {
  it('accepts a valid file', () => {
    expect(validateKpiCsv('kpi,month,value\nrevenue,2026-01,1200000\ncsat,2026-01,4.4\n', kpis, '2026-11')).toEqual({
      rows: [{ row: 2, kpiId: 'k-rev', month: '2026-01', value: 1200000 }, { row: 3, kpiId: 'k-csat', month: '2026-01', value: 4.4 }],
      errors: [],
    });
  });

  it('reports every bad row and returns nothing to write', () => {
    const csv = ['kpi,month,value', 'revenue,2026-01,10', 'margin,2026-01,3', 'revenue,2026/02,3', 'csat,2026-02,n/a', 'revenue,2026-01,11', 'csat,2027-01,4'].join('\n');
    const { rows, errors } = validateKpiCsv(csv, kpis, '2026-11');
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([[3, 'kpi'], [4, 'month'], [5, 'value'], [6, 'month'], [7, 'month']]);
  });
});
