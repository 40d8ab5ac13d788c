import { useId } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { type ChartRow, formatValue, healthyBandText, monthLabel, seriesSummary, yDomain } from '../utils/series';

interface SeriesChartProps {
  name: string;
  unit: string;
  description?: string | undefined;
  context?: string | undefined;
  rows: ChartRow[];
  healthyMin?: number | null | undefined;
  healthyMax?: number | null | undefined;
  showTrend?: boolean;
}

/**
 * One series on the shared month axis. The chart is decoration for sighted readers; the summary
 * sentence, the list of hidden months and the table are the text alternative.
 */
export function SeriesChart({ name, unit, description, context, rows, healthyMin, healthyMax, showTrend = false }: SeriesChartProps) {
  const titleId = useId();
  const band = healthyBandText(healthyMin, healthyMax, unit);
  const hidden = rows.filter((r) => r.hiddenReason !== null);
  const hasValues = rows.some((r) => r.value !== null);
  const [low, high] = yDomain(rows, healthyMin, healthyMax);
  return (
    <figure className="series" aria-labelledby={titleId}>
      <figcaption className="series__head">
        <span id={titleId} className="series__name">
          {name}
        </span>
        <span className="series__unit">
          {unit}
          {context ? ` · ${context}` : ''}
        </span>
        {band ? <span className="series__band">{band}</span> : null}
      </figcaption>
      {description ? <p className="series__description">{description}</p> : null}
      <div className="series__chart" aria-hidden="true">
        {hasValues ? (
          <ResponsiveContainer width="100%" height={150}>
            <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#e3e7ec" vertical={false} />
              <XAxis dataKey="month" tickFormatter={(m: string) => monthLabel(m, true)} tick={{ fontSize: 11, fill: '#4d5868' }} interval="preserveStartEnd" minTickGap={8} />
              <YAxis width={44} tickFormatter={(v: number) => formatValue(v)} tick={{ fontSize: 11, fill: '#4d5868' }} domain={[low, high]} allowDataOverflow />
              {band ? (
                <ReferenceArea y1={Math.max(low, healthyMin ?? low)} y2={Math.min(high, healthyMax ?? high)} fill="#cfe8d8" fillOpacity={0.55} ifOverflow="hidden" />
              ) : null}
              {hidden.map((r) => (
                <ReferenceLine key={r.month} x={r.month} stroke="#8a94a3" strokeDasharray="3 3" />
              ))}
              <Line type="linear" dataKey="value" stroke="#1f5a7a" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
              {showTrend ? (
                <Line type="linear" dataKey="trend" stroke="#8a5a00" strokeWidth={1.5} strokeDasharray="5 4" dot={false} connectNulls isAnimationActive={false} />
              ) : null}
            </LineChart>
          </ResponsiveContainer>
        ) : (
          <p className="series__empty">No month in this window can be shown.</p>
        )}
      </div>
      <p className="series__summary">{seriesSummary(name, rows, unit)}</p>
      {hidden.length > 0 ? (
        <ul className="series__hidden">
          {hidden.map((r) => (
            <li key={r.month}>
              <span className="series__hidden-month">{monthLabel(r.month)}:</span> {r.hiddenReason}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="series__table">
        <summary>Show {name} as a table</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Value{unit ? ` (${unit})` : ''}</th>
              {showTrend ? <th scope="col">3-month trend</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.month}>
                <th scope="row">{monthLabel(r.month)}</th>
                <td>{r.hiddenReason ?? (r.value !== null ? formatValue(r.value) : 'no data')}</td>
                {showTrend ? <td>{r.trend !== null ? formatValue(r.trend) : '—'}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
