import { type ChangeEvent, type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { toUserMessage } from '../../../lib/api-error';
import { plural } from '../utils/directory-csv';
import { type ColumnsSummary, csvFileProblem, summariseColumns } from '../utils/signal-forms';
import { ImportErrorsTable, type RowError } from './ImportErrorsTable';

interface ImportOutcome {
  ok: boolean;
  rowsRead: number;
  errors: readonly RowError[];
}

interface CsvImportFormProps<R extends ImportOutcome> {
  fileLabel: string;
  columns: readonly string[];
  /** "figure" → "3 figures to check". */
  rowNoun: string;
  /** When the plural is not rowNoun + "s" ("people"). */
  rowNounPlural?: string;
  pending: boolean;
  error: unknown;
  result: R | undefined;
  onImport: (csv: string) => void;
  onReset: () => void;
  /** What to say when the import succeeded. */
  renderSuccess: (result: R) => ReactNode;
}

/** Choose a CSV file, check its header in the browser, send it, and show the result or every problem by line. */
export function CsvImportForm<R extends ImportOutcome>(props: CsvImportFormProps<R>) {
  const { fileLabel, columns, rowNoun, rowNounPlural = `${rowNoun}s`, pending, error, result, onImport, onReset, renderSuccess } = props;
  const inputId = useId();
  const [file, setFile] = useState<{ name: string; text: string; summary: ColumnsSummary } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result || error) resultRef.current?.focus();
  }, [result, error]);

  const onChoose = async (event: ChangeEvent<HTMLInputElement>) => {
    onReset();
    const chosen = event.target.files?.[0];
    if (!chosen) {
      setFile(null);
      setProblem(null);
      return;
    }
    const early = csvFileProblem(chosen, null);
    if (early) {
      setFile(null);
      setProblem(early);
      return;
    }
    const text = await chosen.text();
    const summary = summariseColumns(text, columns);
    setProblem(csvFileProblem(chosen, summary, rowNounPlural));
    setFile({ name: chosen.name, text, summary });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file || problem) return;
    onImport(file.text);
  };

  return (
    <>
      <form className="form" onSubmit={onSubmit}>
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            {fileLabel}
          </label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            className="field__input field__input--file"
            onChange={(e) => void onChoose(e)}
            aria-describedby={problem ? `${inputId}-problem` : undefined}
            aria-invalid={problem ? true : undefined}
          />
          {problem ? (
            <p className="field__error" id={`${inputId}-problem`}>
              {problem}
            </p>
          ) : file ? (
            <p className="field__hint">
              {file.name}: {plural(file.summary.rows, rowNoun, rowNounPlural)} to check.
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={!file || !!problem || pending}>
            {pending ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>

      {pending && file ? (
        <div className="import-progress" role="status">
          <span className="spinner" aria-hidden="true" />
          <span>
            Checking and importing {plural(file.summary.rows, 'line')} from {file.name}… Keep this page open.
          </span>
          <progress className="import-progress__bar" aria-label="Import in progress" />
        </div>
      ) : null}

      <div ref={resultRef} tabIndex={-1} className="import-result">
        {error ? (
          <div className="alert" role="alert">
            The file couldn’t be imported: {toUserMessage(error)}
          </div>
        ) : null}
        {result?.ok ? renderSuccess(result) : null}
        {result && !result.ok ? (
          <div className="import-errors">
            <div className="alert" role="alert">
              Nothing was imported: {plural(result.errors.length, 'problem')} in {plural(result.rowsRead, 'line')} read. Fix
              the lines below and upload the file again.
            </div>
            <ImportErrorsTable errors={result.errors} />
          </div>
        ) : null}
      </div>
    </>
  );
}
