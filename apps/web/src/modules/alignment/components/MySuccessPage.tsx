import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { toUserMessage } from '../../../lib/api-error';
import { useSession } from '../../auth/hooks/useSession';
import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import { PageHeading } from '../../shell/components/PageHeading';
import { useGetMySuccessAlignment, useSaveMySuccessStatements, useShareMySuccessStatements } from '../hooks/alignment.hooks';
import { describeQuarter, recentQuarters } from '../utils/success-statements';
import { QuarterPicker } from './QuarterPicker';
import { StatementsEditor } from './StatementsEditor';
import '../../admin/admin.css';
import '../alignment.css';

const ReportsSuccessSection = lazy(() => import('./ReportsSuccessSection'));

/** "My success": my own statements and sharing; managers also get their direct reports. */
export default function MySuccessPage() {
  const session = useSession();
  const isManager = session.status === 'signed-in' && session.viewer.roles.includes('MANAGER');
  const quarters = useMemo(() => recentQuarters(new Date(), 4), []);
  const [quarter, setQuarter] = useState(quarters[0]!);

  return (
    <article className="page page--success">
      <Routes>
        <Route
          index
          element={
            <>
              <PageHeading title="My success">My success</PageHeading>
              {isManager ? <SuccessTabs /> : null}
              <QuarterPicker quarters={quarters} value={quarter} onChange={setQuarter} />
              <MySuccessSection key={quarter} quarter={quarter} />
            </>
          }
        />
        <Route
          path="reports"
          element={
            isManager ? (
              <>
                <PageHeading title="My success · My direct reports">
                  My success <span className="page-heading__sub">My direct reports</span>
                </PageHeading>
                <SuccessTabs />
                <QuarterPicker quarters={quarters} value={quarter} onChange={setQuarter} />
                <Suspense fallback={<LoadingState label="Loading your direct reports…" />}>
                  <ReportsSuccessSection key={quarter} quarter={quarter} />
                </Suspense>
              </>
            ) : (
              <Navigate to="/my-success" replace />
            )
          }
        />
        <Route path="*" element={<Navigate to="/my-success" replace />} />
      </Routes>
    </article>
  );
}

function SuccessTabs() {
  return (
    <nav className="sub-nav" aria-label="My success sections">
      <ul className="sub-nav__list">
        <li>
          <NavLink to="/my-success" end className="sub-nav__link">
            My statements
          </NavLink>
        </li>
        <li>
          <NavLink to="/my-success/reports" className="sub-nav__link">
            My direct reports
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

function MySuccessSection({ quarter }: { quarter: string }) {
  const alignment = useGetMySuccessAlignment(quarter);
  const save = useSaveMySuccessStatements(quarter);
  if (alignment.isPending) return <LoadingState label="Loading your statements…" />;
  if (alignment.isError) {
    return <ErrorState error={alignment.error} title="Your statements couldn’t be loaded" onRetry={() => void alignment.refetch()} />;
  }
  const data = alignment.data;
  return (
    <div className="success-grid">
      <section className="card" aria-labelledby="mine-title">
        <h2 id="mine-title" className="card__title">
          What success looks like for me
        </h2>
        <StatementsEditor
          legend={`My statements for ${describeQuarter(quarter)}`}
          hint="A few short sentences about what would make this quarter a success for you."
          saved={data.mine}
          saving={save.isPending}
          error={save.error}
          onSave={(statements, done) => save.mutate(statements, { onSuccess: done })}
        />
        <ShareToggle quarter={quarter} shared={data.shared} hasStatements={data.mine.length > 0} />
      </section>
      <section className="card" aria-labelledby="managers-title">
        <h2 id="managers-title" className="card__title">
          What my manager wrote for me
        </h2>
        {data.fromManagers.length === 0 ? (
          <p className="muted">Your manager hasn’t written anything for {describeQuarter(quarter)} yet.</p>
        ) : (
          data.fromManagers.map((m) => (
            <div key={`${m.authorName}-${m.updatedAt}`} className="from-manager">
              <p className="from-manager__author">{m.authorName}</p>
              <ul className="list">
                {m.statements.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ul>
            </div>
          ))
        )}
        <p className="muted success-note">Seeing both lists side by side is a prompt for a conversation — nothing here is rated or compared.</p>
      </section>
    </div>
  );
}

function ShareToggle({ quarter, shared, hasStatements }: { quarter: string; shared: boolean; hasStatements: boolean }) {
  const id = useId();
  const share = useShareMySuccessStatements(quarter);
  return (
    <div className="share">
      <h3 className="share__title">Who can see my statements</h3>
      <p id={`${id}-explain`}>
        HR and leadership never see your statements. They are private to you unless you turn sharing on; sharing shows
        them only to your current manager, and you can turn it off again at any time.
      </p>
      <label className="share__switch" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={share.isPending ? share.variables : shared}
          disabled={share.isPending || (!hasStatements && !shared)}
          aria-describedby={`${id}-explain ${id}-state`}
          onChange={(e) => share.mutate(e.target.checked)}
        />
        <span>Share my statements with my manager</span>
      </label>
      <p id={`${id}-state`} className="share__state" role="status">
        {share.isPending
          ? 'Saving…'
          : shared
            ? 'Shared: your current manager can read these statements.'
            : hasStatements
              ? 'Not shared: only you can read these statements.'
              : 'Save at least one statement before you can share.'}
      </p>
      {share.isError ? (
        <p className="alert" role="alert">
          Sharing wasn’t changed: {toUserMessage(share.error)}
        </p>
      ) : null}
    </div>
  );
}
