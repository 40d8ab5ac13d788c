import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { GetReleaseResultsQuery } from '../../../gql/graphql';
import { HiddenValue } from './HiddenCell';
import { ResultsHeatmap } from './ResultsHeatmap';

type Results = GetReleaseResultsQuery['releaseResults'];
type Row = Results['rows'][number];

const shown = (questionKey: string, favourableShare: number, mean: number) => ({
  questionKey, hidden: false, reason: null, band: null, mean, favourableShare, answered: 30,
});
const row = (name: string, extra: Partial<Row>): Row => ({
  orgUnitId: name.toLowerCase(), name, isSelectedUnit: false, direct: false, hasChildren: false, dimensionValue: null,
  hidden: false, reason: null, respondents: 30, responseRate: 0.75, values: [], ...extra,
});

const results: Results = {
  orgUnitId: 'eng',
  dimension: null,
  commentsAvailable: false,
  release: { id: 'r', label: 'Pulse · March 2026', status: 'PUBLISHED', withheldReason: null, k: 5, dimensions: [], notCounted: 0 },
  questions: [
    { key: 'breaks', text: 'I take real breaks.', min: 1, max: 5 },
    { key: 'after_hours', text: 'I rarely work late.', min: 1, max: 5 },
  ],
  rows: [
    row('Engineering', { isSelectedUnit: true, values: [shown('breaks', 0.9, 4.4), shown('after_hours', 0.3, 2.1)] }),
    // Deliberately in an order no value would give: the component must keep it.
    row('Vision', { hasChildren: true, values: [shown('breaks', 0.2, 1.9), { ...shown('after_hours', 0, 0), hidden: true, reason: 'BANDED', band: '≥80% favourable', mean: null, favourableShare: null }] }),
    row('Security', { hidden: true, reason: 'BELOW_THRESHOLD', respondents: null, responseRate: null, values: [] }),
    row('Platform', { values: [shown('breaks', 0.95, 4.8), { ...shown('after_hours', 0, 0), hidden: true, reason: 'COMPLEMENTARY', mean: null, favourableShare: null }] }),
  ],
};

function render() {
  return renderToStaticMarkup(
    <MemoryRouter>
      <ResultsHeatmap results={results} caption="Pulse · March 2026: Engineering" hrefFor={(id) => `?unit=${id}`} />
    </MemoryRouter>,
  );
}

describe('ResultsHeatmap', () => {
  it('keeps the API’s row order', () => {
    const html = render();
    const order = ['Engineering — whole unit', 'Vision', 'Security', 'Platform'].map((name) => html.indexOf(name));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('writes every hidden cell’s reason in words and never draws it as zero', () => {
    const html = render();
    expect(html).toContain('fewer than 5 responses — hidden to protect anonymity');
    expect(html).toContain('hidden so the hidden group next to it cannot be worked out');
    expect(html).toContain('≥80% favourable');
    const security = html.slice(html.indexOf('Security'), html.indexOf('Platform'));
    expect(security).not.toMatch(/>0%<|>0<|>0\.0</);
  });

  it('shows figures, respondents and response rate for shown groups, and links units with children', () => {
    const html = render();
    expect(html).toContain('90%');
    expect(html).toContain('avg 4.4');
    expect(html).toContain('75%');
    expect(html).toContain('href="/?unit=vision"');
    expect(html).not.toContain('href="/?unit=engineering"');
    expect(html).not.toMatch(/aria-sort|rank|leaderboard/i);
  });
});

describe('HiddenValue', () => {
  it('says why, with the threshold in force', () => {
    expect(renderToStaticMarkup(<HiddenValue reason="BELOW_THRESHOLD" k={7} />)).toContain('fewer than 7 responses');
    expect(renderToStaticMarkup(<HiddenValue reason="BANDED" k={5} band="≤20% favourable" />)).toContain('≤20% favourable');
  });
});
