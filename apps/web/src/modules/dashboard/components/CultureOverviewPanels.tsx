import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import { useGetCultureOverview } from '../hooks/useGetCultureOverview';
import { chartRows, monthLabel } from '../utils/series';
import { SeriesChart } from './SeriesChart';

/**
 * Culture signals and business KPIs for the selected unit: two separate panels on one month
 * axis (the last 12 months by default). Series come in catalogue / org-tree order — never by value.
 */
export default function CultureOverviewPanels({ orgUnitId }: { orgUnitId: string }) {
  const overview = useGetCultureOverview(orgUnitId);
  if (overview.isPending) {
    return (
      <section className="card panel" aria-labelledby="signals-title">
        <h2 id="signals-title" className="card__title">
          Culture signals
        </h2>
        <LoadingState label="Loading culture signals and KPIs…" />
      </section>
    );
  }
  if (overview.isError) {
    return (
      <section className="card panel" aria-labelledby="signals-title">
        <h2 id="signals-title" className="card__title">
          Culture signals
        </h2>
        <ErrorState error={overview.error} title="Culture signals and KPIs couldn’t be loaded" onRetry={() => void overview.refetch()} />
      </section>
    );
  }
  const data = overview.data;
  const window = `${monthLabel(data.from)} – ${monthLabel(data.to)}`;
  const k = data.anonymityThreshold;
  return (
    <>
      <section className="card panel panel--signals" aria-labelledby="signals-title">
        <h2 id="signals-title" className="card__title">
          Culture signals <span className="panel__window">{window}</span>
        </h2>
        <p className="muted">
          How people in {data.name} work: from pulse answers and HR data, each month published only for groups of at least {k}.
          Solid line: the month’s value; dashed: the 3-month trend; green band: the healthy range, where one is set;
          dotted vertical line: a month that is hidden, listed under the chart with the reason.
        </p>
        {data.signals.length === 0 ? (
          <p className="muted">No culture signals are set up yet.</p>
        ) : (
          <div className="series-grid">
            {data.signals.map((s) => (
              <SeriesChart
                key={s.signal.key}
                name={s.signal.name}
                unit={s.signal.unit}
                description={s.signal.description}
                rows={chartRows(data.months, s.points, s.trend, k)}
                healthyMin={s.signal.healthyMin}
                healthyMax={s.signal.healthyMax}
                showTrend
              />
            ))}
          </div>
        )}
      </section>
      <section className="card panel panel--kpis" aria-labelledby="kpis-title">
        <h2 id="kpis-title" className="card__title">
          Business KPIs <span className="panel__window">{window}</span>
        </h2>
        <p className="muted">The organisation’s own figures for {data.name} and around it, on the same months. Shown next to the culture signals, never combined with them.</p>
        {data.kpis.length === 0 ? (
          <p className="muted">No KPIs are recorded for this unit yet.</p>
        ) : (
          <div className="series-grid">
            {data.kpis.map((kpi) => (
              <SeriesChart
                key={kpi.kpiId}
                name={kpi.name}
                unit={kpi.unit}
                description={kpi.description || undefined}
                context={kpi.orgUnitPath || 'whole organisation'}
                rows={chartRows(data.months, kpi.points.map((p) => ({ month: p.month, value: p.value, hidden: false })), [], k)}
              />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
