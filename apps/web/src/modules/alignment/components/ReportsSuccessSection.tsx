import { useState } from 'react';
import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import { useGetMyReportsSuccessAlignment, useSaveReportSuccessStatements } from '../hooks/alignment.hooks';
import { describeQuarter } from '../utils/success-statements';
import { StatementsEditor } from './StatementsEditor';

/** A manager's direct reports: what the manager considers success for each, and what each chose to share. */
export default function ReportsSuccessSection({ quarter }: { quarter: string }) {
  const reports = useGetMyReportsSuccessAlignment(quarter);
  const save = useSaveReportSuccessStatements(quarter);
  if (reports.isPending) return <LoadingState label="Loading your direct reports…" />;
  if (reports.isError) {
    return <ErrorState error={reports.error} title="Your direct reports couldn’t be loaded" onRetry={() => void reports.refetch()} />;
  }
  if (reports.data.length === 0) {
    return <p className="card">Nobody reports directly to you in the directory.</p>;
  }
  return (
    <>
      <p className="muted success-intro">
        Write what you consider success for each person in {describeQuarter(quarter)}; they always see what you write.
        Their own statements appear here only if they chose to share them with you.
      </p>
      <ul className="reports">
        {reports.data.map((report) => (
          <li key={report.personId} className="card report">
            <h2 className="card__title">{report.displayName}</h2>
            <div className="success-grid success-grid--report">
              <ReportStatements
                name={report.displayName}
                saved={report.mine}
                saving={save.isPending && save.variables?.personId === report.personId}
                error={save.variables?.personId === report.personId ? save.error : null}
                onSave={(statements, done) => save.mutate({ personId: report.personId, statements }, { onSuccess: done })}
              />
              <section className="shared-by" aria-label={`What ${report.displayName} shared`}>
                <h3 className="share__title">What {report.displayName} shared</h3>
                {report.theirs ? (
                  report.theirs.length > 0 ? (
                    <ul className="list">
                      {report.theirs.map((s, i) => (
                        <li key={i}>{s}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">Shared, but no statements yet.</p>
                  )
                ) : (
                  <p className="muted">Not shared with you. Their own statements stay private unless they choose to share them.</p>
                )}
              </section>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

interface ReportStatementsProps {
  name: string;
  saved: readonly string[];
  saving: boolean;
  error: unknown;
  onSave: (statements: string[], done: () => void) => void;
}

/** What the manager wrote, as a list; the editor opens on demand so a long team stays readable. */
function ReportStatements({ name, saved, saving, error, onSave }: ReportStatementsProps) {
  const [editing, setEditing] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  if (editing) {
    return (
      <div>
        <StatementsEditor
          legend={`What I consider success for ${name}`}
          hint={`${name} sees what you write here.`}
          rowLabel={`Success for ${name}, statement`}
          saved={saved}
          saving={saving}
          error={error}
          onSave={(statements, done) =>
            onSave(statements, () => {
              done();
              setJustSaved(true);
              setEditing(false);
            })
          }
        />
        <button type="button" className="link-button" onClick={() => setEditing(false)}>
          Close without saving
        </button>
      </div>
    );
  }
  return (
    <section aria-label={`What I consider success for ${name}`}>
      <h3 className="share__title">What I consider success for {name}</h3>
      {saved.length > 0 ? (
        <ul className="list">
          {saved.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">You haven’t written anything for this quarter yet.</p>
      )}
      {justSaved ? (
        <p className="notice" role="status">
          Saved. {name} can read it.
        </p>
      ) : null}
      <button type="button" className="button button--secondary button--small" onClick={() => { setJustSaved(false); setEditing(true); }}>
        {saved.length > 0 ? 'Edit' : 'Write'}
        <span className="visually-hidden"> what I consider success for {name}</span>
      </button>
    </section>
  );
}
