import { lazy, Suspense, useId } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { hasErrorCode } from '../../../lib/api-error';
import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import { PageHeading } from '../../shell/components/PageHeading';
import { useAfterPaint } from '../../shell/hooks/useAfterPaint';
import { useGetOrgUnits } from '../hooks/useGetOrgUnits';
import { useGetReleaseResults } from '../hooks/useGetReleaseResults';
import { useGetReleases } from '../hooks/useGetReleases';
import { defaultRelease, dimensionLabel } from '../utils/heatmap-format';
import { ancestorsOf } from '../utils/org-tree';
import { CommentsPanel } from './CommentsPanel';
import { OrgTreeNav } from './OrgTreeNav';
import { ResultsHeatmap } from './ResultsHeatmap';
import '../dashboard.css';

// Charts (recharts) load only when the panels are shown.
const CultureOverviewPanels = lazy(() => import('./CultureOverviewPanels'));

export type DashboardScope = 'organisation' | 'teams';

/**
 * The results dashboard. HR leaders and organisation admins see the whole organisation;
 * managers (`scope="teams"`) see their own subtree — the API enforces that on every request,
 * and this page says so clearly when someone reaches another unit by URL.
 */
export default function DashboardPage({ scope = 'organisation' }: { scope?: DashboardScope }) {
  const title = scope === 'teams' ? 'My teams' : 'Dashboard';
  const [params, setParams] = useSearchParams();
  const orgUnits = useGetOrgUnits();
  const releases = useGetReleases();
  const releaseSelectId = useId();
  const cutSelectId = useId();

  const units = orgUnits.data ?? [];
  const requestedUnit = params.get('unit');
  const unitId = requestedUnit ?? units[0]?.id ?? null;
  const unit = units.find((u) => u.id === unitId) ?? null;
  const release = releases.data ? defaultRelease(releases.data, params.get('release')) : null;
  const cut = release && params.get('cut') && release.dimensions.includes(params.get('cut')!) ? params.get('cut') : null;
  const outOfScope = orgUnits.isSuccess && unitId !== null && unit === null;

  const results = useGetReleaseResults(
    release && release.status === 'PUBLISHED' && unit ? release.id : null,
    unit?.id ?? null,
    cut,
  );

  // The charts below wait until the heatmap (or whatever stands in its place) is on screen.
  const heatmapSettled = orgUnits.isSuccess && !releases.isPending && !(release?.status === 'PUBLISHED' && unit && results.isPending);
  const showPanels = useAfterPaint(heatmapSettled);

  const hrefFor = (id: string, changes: Record<string, string | null> = {}) => {
    const next = new URLSearchParams(params);
    next.set('unit', id);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    return `?${next.toString()}`;
  };
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    if (unitId) next.set('unit', unitId);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };

  if (orgUnits.isPending) {
    return (
      <article className="page">
        <PageHeading title={title}>{title}</PageHeading>
        <LoadingState label="Loading your organisation…" />
      </article>
    );
  }
  if (orgUnits.isError) {
    return (
      <article className="page">
        <PageHeading title={title}>{title}</PageHeading>
        <ErrorState error={orgUnits.error} title="The organisation couldn’t be loaded" onRetry={() => void orgUnits.refetch()} />
      </article>
    );
  }
  if (units.length === 0) {
    return (
      <article className="page">
        <PageHeading title={title}>{title}</PageHeading>
        <div className="card">
          <p>There are no units to show yet. Once the directory is imported, the organisation appears here.</p>
        </div>
      </article>
    );
  }

  const breadcrumb = unit ? ancestorsOf(units, unit.id) : [];
  const newest = releases.data?.[0];

  return (
    <article className="page page--wide">
      <PageHeading title={unit ? `${title} · ${unit.name}` : title}>
        {title}
        {unit ? <span className="page-heading__sub">{unit.name}</span> : null}
      </PageHeading>
      <div className="dashboard">
        <aside className="dashboard__side">
          <OrgTreeNav
            units={units}
            selectedId={unit?.id ?? null}
            hrefFor={(id) => hrefFor(id)}
            label={scope === 'teams' ? 'Your teams' : 'Organisation'}
          />
        </aside>
        <div className="dashboard__content">
          {outOfScope ? (
            <OutOfScope scope={scope} firstUnitHref={hrefFor(units[0]!.id)} />
          ) : (
            <>
              {breadcrumb.length > 1 ? (
                <nav aria-label="Where this unit sits" className="breadcrumb">
                  <ol>
                    {breadcrumb.map((u, i) => (
                      <li key={u.id}>
                        {i === breadcrumb.length - 1 ? (
                          <span aria-current="location">{u.name}</span>
                        ) : (
                          <Link to={hrefFor(u.id)}>{u.name}</Link>
                        )}
                      </li>
                    ))}
                  </ol>
                </nav>
              ) : null}

              <section className="card panel" aria-labelledby="results-title">
                <h2 id="results-title" className="card__title">
                  Pulse results
                </h2>
                {releases.isPending ? (
                  <LoadingState label="Loading results…" />
                ) : releases.isError ? (
                  <ErrorState error={releases.error} title="Results couldn’t be loaded" onRetry={() => void releases.refetch()} />
                ) : !release ? (
                  <p className="muted">
                    No results yet. Results appear here after a pulse round closes and its figures pass the privacy check.
                  </p>
                ) : (
                  <>
                    <div className="filters">
                      <div className="field">
                        <label className="field__label" htmlFor={releaseSelectId}>
                          Period
                        </label>
                        <select
                          id={releaseSelectId}
                          className="field__input"
                          value={release.id}
                          onChange={(e) => update({ release: e.target.value, cut: null })}
                        >
                          {releases.data.map((r) => (
                            <option key={r.id} value={r.id}>
                              {r.label}
                              {r.status === 'WITHHELD' ? ' (withheld)' : ''}
                            </option>
                          ))}
                        </select>
                      </div>
                      {release.status === 'PUBLISHED' && release.dimensions.length > 0 ? (
                        <div className="field">
                          <label className="field__label" htmlFor={cutSelectId}>
                            Split by
                          </label>
                          <select
                            id={cutSelectId}
                            className="field__input"
                            value={cut ?? ''}
                            onChange={(e) => update({ release: release.id, cut: e.target.value || null })}
                          >
                            <option value="">Nothing (whole groups)</option>
                            {release.dimensions.map((d) => (
                              <option key={d} value={d}>
                                {dimensionLabel(d)}
                              </option>
                            ))}
                          </select>
                        </div>
                      ) : null}
                    </div>

                    {newest && newest.id !== release.id && newest.status === 'WITHHELD' && !params.get('release') ? (
                      <p className="notice">
                        The newest results, {newest.label}, were withheld: {newest.withheldReason ?? 'they could not be published safely.'}{' '}
                        Showing the newest published results instead.
                      </p>
                    ) : null}

                    {release.status === 'WITHHELD' ? (
                      <div className="notice" role="status">
                        <p className="notice__title">{release.label} was withheld</p>
                        <p>
                          {release.withheldReason ??
                            'The privacy check could not make these results safe to show, so none of them are shown.'}
                        </p>
                        <p className="muted">Nothing from a withheld period is shown anywhere in Pulsewise.</p>
                      </div>
                    ) : results.isPending ? (
                      <LoadingState label="Loading results…" />
                    ) : results.isError ? (
                      hasErrorCode(results.error, 'NOT_FOUND') ? (
                        <OutOfScope scope={scope} firstUnitHref={hrefFor(units[0]!.id)} inRelease />
                      ) : (
                        <ErrorState error={results.error} title="Results couldn’t be loaded" onRetry={() => void results.refetch()} />
                      )
                    ) : unit && results.data.dimension && results.data.rows.length === 0 ? (
                      <div className="notice" role="status" aria-busy={results.isFetching}>
                        <p>
                          In {results.data.release.label}, {unit.name} and its units have no split by{' '}
                          {dimensionLabel(results.data.dimension).toLowerCase()}. A split is published only where it can neither single out
                          a small group nor cost any unit its own figures, and the whole-unit figures come first.
                        </p>
                        <p>
                          <Link to={hrefFor(unit.id, { cut: null })}>Show whole groups</Link>
                        </p>
                      </div>
                    ) : (
                      <div aria-busy={results.isFetching}>
                        <ResultsHeatmap
                          results={results.data}
                          caption={`${results.data.release.label}: ${units.find((u) => u.id === results.data.orgUnitId)?.name ?? ''}${results.data.rows.length > 1 ? ' and its units' : ''}${results.data.dimension ? `, split by ${dimensionLabel(results.data.dimension).toLowerCase()}` : ''}`}
                          hrefFor={(id) => hrefFor(id)}
                        />
                      </div>
                    )}
                  </>
                )}
              </section>

              {release && release.status === 'PUBLISHED' && unit ? <CommentsPanel releaseId={release.id} orgUnitId={unit.id} /> : null}

              {unit ? (
                showPanels ? (
                  <Suspense fallback={<LoadingState label="Loading culture signals and KPIs…" />}>
                    <CultureOverviewPanels orgUnitId={unit.id} />
                  </Suspense>
                ) : (
                  <LoadingState label="Loading culture signals and KPIs…" />
                )
              ) : null}
            </>
          )}
        </div>
      </div>
    </article>
  );
}

function OutOfScope({ scope, firstUnitHref, inRelease = false }: { scope: DashboardScope; firstUnitHref: string; inRelease?: boolean }) {
  return (
    <div className="card card--notice" role="alert">
      <h2 className="card__title">{inRelease ? 'No results for this unit' : 'This unit isn’t available to you'}</h2>
      <p>
        {inRelease
          ? 'This unit is not part of these results — it may not have existed when the round ran, or it is outside the part of the organisation you can see.'
          : scope === 'teams'
            ? 'You can see results for your own part of the organisation only. The link you followed points to a unit outside it, or to one that no longer exists.'
            : 'The link you followed points to a unit that doesn’t exist in your organisation (any more).'}
      </p>
      <p>
        <Link to={firstUnitHref}>{scope === 'teams' ? 'Go to your teams' : 'Go to the whole organisation'}</Link>
      </p>
    </div>
  );
}
