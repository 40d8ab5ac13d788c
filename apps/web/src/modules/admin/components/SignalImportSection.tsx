import { useId } from 'react';
import { toUserMessage } from '../../../lib/api-error';
import { useImportSignalObservations, useRepublishSignalObservations } from '../hooks/signals.hooks';
import { plural } from '../utils/directory-csv';
import { SIGNAL_CSV_COLUMNS } from '../utils/signal-forms';
import { CsvImportForm } from './CsvImportForm';

interface MonthsResult {
  monthsImported: number;
  monthsPublished: number;
  monthsWithheld: number;
}

function MonthCounts({ result }: { result: MonthsResult }) {
  return (
    <ul className="list">
      <li>{plural(result.monthsImported, 'signal-month')} audited</li>
      <li>{plural(result.monthsPublished, 'signal-month')} published (small groups inside them can still be hidden)</li>
      <li>
        {plural(result.monthsWithheld, 'signal-month')} withheld — the audit could not make them safe, so nothing of them
        is shown
      </li>
    </ul>
  );
}

/** Upload signal observations as CSV; re-audit imported months after the threshold changed. */
export default function SignalImportSection() {
  const id = useId();
  const importSignals = useImportSignalObservations();
  const republish = useRepublishSignalObservations();
  return (
    <div className="stack">
      <section className="card" aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`} className="card__title">
          Import signal observations
        </h2>
        <p>
          Upload a CSV file with one unit and month per line. The first line names the columns:{' '}
          {SIGNAL_CSV_COLUMNS.map((c, i) => (
            <span key={c}>
              <code className="code">{c}</code>
              {i < SIGNAL_CSV_COLUMNS.length - 1 ? ', ' : '.'}
            </span>
          ))}
        </p>
        <ul className="list muted import-intro">
          <li>
            <code className="code">signal</code> is the signal’s key (see Signals); <code className="code">orgUnitPath</code>{' '}
            is a unit such as <code className="code">Engineering/Platform</code>, or <code className="code">/</code> for the
            whole organisation; <code className="code">month</code> is YYYY-MM.
          </li>
          <li>
            <code className="code">value</code> is the average per person over the <code className="code">n</code> people
            directly in that unit that month. Lines for fewer people than the anonymity threshold are refused.
          </li>
          <li>
            Every line is checked first. If any line has a problem, nothing is imported. Each signal and month in the file
            replaces what was stored for it and is audited before anything is shown.
          </li>
        </ul>
        <CsvImportForm
          fileLabel="Signal observations (CSV)"
          columns={SIGNAL_CSV_COLUMNS}
          rowNoun="line"
          pending={importSignals.isPending}
          error={importSignals.error}
          result={importSignals.data}
          onImport={(csv) => importSignals.mutate(csv)}
          onReset={() => importSignals.reset()}
          renderSuccess={(result) => (
            <div className="notice" role="status">
              <p className="notice__title">Imported {plural(result.rowsRead, 'line')}.</p>
              <MonthCounts result={result} />
            </div>
          )}
        />
      </section>

      <section className="card" aria-labelledby={`${id}-republish`}>
        <h2 id={`${id}-republish`} className="card__title">
          Audit imported months again
        </h2>
        <p>
          After the anonymity threshold is raised, months imported under the lower threshold stay hidden (shown as
          withheld) until they are audited again with the new one. Run this once after raising the threshold; it changes
          no figures, it only decides again what may be shown.
        </p>
        <button type="button" className="button button--secondary" disabled={republish.isPending} onClick={() => republish.mutate()}>
          {republish.isPending ? 'Auditing…' : 'Audit imported months again'}
        </button>
        <div aria-live="polite" className="republish-result">
          {republish.isError ? (
            <p className="alert" role="alert">
              The months couldn’t be audited again: {toUserMessage(republish.error)}
            </p>
          ) : null}
          {republish.data ? (
            <div className="notice" role="status">
              <p className="notice__title">Audited again.</p>
              <MonthCounts result={republish.data} />
            </div>
          ) : null}
        </div>
      </section>
    </div>
  );
}
