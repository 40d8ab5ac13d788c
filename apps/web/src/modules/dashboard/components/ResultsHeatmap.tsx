import { useId } from 'react';
import { Link } from 'react-router-dom';
import type { GetReleaseResultsQuery } from '../../../gql/graphql';
import { describeMean, formatMean, formatPercent, rowLabel, TONE_LEGEND, toneFor } from '../utils/heatmap-format';
import { HiddenValue } from './HiddenCell';

type Results = GetReleaseResultsQuery['releaseResults'];

interface ResultsHeatmapProps {
  results: Results;
  caption: string;
  hrefFor: (unitId: string) => string;
}

/**
 * Rows: the selected unit, then its child units exactly in the order the API returns (org-tree
 * order). Columns: questions. Nothing here sorts by a value.
 */
export function ResultsHeatmap({ results, caption, hrefFor }: ResultsHeatmapProps) {
  const captionId = useId();
  const k = results.release.k;
  const columns = results.questions.length + 2;
  return (
    <div className="heatmap">
      <p id={captionId} className="heatmap__caption">
        {caption}
      </p>
      <p className="heatmap__swipe-hint">If some questions are out of view, scroll the table sideways; the group names stay in view.</p>
      <div className="heatmap__scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="heatmap__table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col" className="heatmap__group-head">
                Group
              </th>
              <th scope="col" className="heatmap__num-head">
                Respondents
              </th>
              <th scope="col" className="heatmap__num-head">
                Response rate
              </th>
              {results.questions.map((q) => (
                <th scope="col" key={q.key} className="heatmap__question">
                  {q.text}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.rows.map((row) => {
              const label = rowLabel(row);
              const key = `${row.orgUnitId}:${row.direct}:${row.dimensionValue ?? ''}`;
              const canOpen = row.hasChildren && !row.isSelectedUnit && !row.direct;
              return (
                <tr key={key} className={row.isSelectedUnit ? 'heatmap__row heatmap__row--selected' : 'heatmap__row'}>
                  <th scope="row" className="heatmap__group">
                    {canOpen ? (
                      <Link to={hrefFor(row.orgUnitId)}>
                        {label}
                        <span className="visually-hidden"> (open this unit)</span>
                      </Link>
                    ) : (
                      label
                    )}
                  </th>
                  {row.hidden ? (
                    <td colSpan={columns} className="heatmap__cell heatmap__cell--hidden heatmap__cell--row-hidden">
                      <HiddenValue reason={row.reason} k={k} />
                    </td>
                  ) : (
                    <>
                      <td className="heatmap__num" data-label="Respondents">
                        {row.respondents ?? '—'}
                      </td>
                      <td className="heatmap__num" data-label="Response rate">
                        {formatPercent(row.responseRate) ?? 'not known'}
                      </td>
                      {results.questions.map((q) => {
                        const value = row.values.find((v) => v.questionKey === q.key);
                        if (!value || value.hidden) {
                          return (
                            <td
                              key={q.key}
                              data-label={q.text}
                              className={`heatmap__cell heatmap__cell--hidden${value?.reason === 'BANDED' ? ' heatmap__cell--banded' : ''}`}
                            >
                              <HiddenValue reason={value?.reason ?? 'BELOW_THRESHOLD'} k={k} band={value?.band} />
                            </td>
                          );
                        }
                        const share = formatPercent(value.favourableShare);
                        const mean = formatMean(value.mean);
                        return (
                          <td key={q.key} data-label={q.text} className={`heatmap__cell heatmap__cell--${toneFor(value.favourableShare)}`}>
                            {share ? (
                              <>
                                <span className="heatmap__figure">{share}</span>
                                <span className="heatmap__sub">favourable</span>
                                {mean ? (
                                  <span className="heatmap__sub" title={describeMean(value.mean, q.min, q.max) ?? undefined}>
                                    avg {mean}
                                  </span>
                                ) : null}
                              </>
                            ) : mean ? (
                              <>
                                <span className="heatmap__figure">{mean}</span>
                                <span className="heatmap__sub">
                                  avg, {q.min}–{q.max}
                                </span>
                              </>
                            ) : (
                              <span className="heatmap__sub">no answers to this question</span>
                            )}
                          </td>
                        );
                      })}
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <HeatmapLegend k={k} notCounted={results.release.notCounted} />
    </div>
  );
}

export function HeatmapLegend({ k, notCounted = 0 }: { k: number; notCounted?: number }) {
  return (
    <div className="heatmap-legend">
      <p className="heatmap-legend__title">How to read this</p>
      <ul className="heatmap-legend__list">
        {TONE_LEGEND.map((entry) => (
          <li key={entry.tone} className="heatmap-legend__item">
            <span className={`heatmap-legend__swatch heatmap__cell--${entry.tone}`} aria-hidden="true" />
            {entry.label}
          </li>
        ))}
        <li className="heatmap-legend__item">
          <span className="heatmap-legend__swatch heatmap__cell--hidden" aria-hidden="true" />
          Hidden — the reason is written in the cell. Groups of fewer than {k} are never shown.
        </li>
      </ul>
      <p className="heatmap-legend__note">
        Rows follow the organisation chart. Colours describe a figure; teams are never put in order by one.
      </p>
      {notCounted > 0 ? (
        <p className="heatmap-legend__note">
          {notCounted === 1 ? '1 person is' : `${notCounted} people are`} counted in no figure of this period: people who sit directly in a unit
          above its teams (a head of division, say), where fewer than {k} do, are left out of every total so that their answers cannot be
          worked out.
        </p>
      ) : null}
    </div>
  );
}
