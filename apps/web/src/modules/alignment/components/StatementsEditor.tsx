import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { toUserMessage } from '../../../lib/api-error';
import { checkStatements, hasChanges, MAX_STATEMENT_LENGTH, MAX_STATEMENTS, toDraft } from '../utils/success-statements';

interface StatementsEditorProps {
  /** Accessible name of the form and the fieldset legend. */
  legend: string;
  hint: string;
  saved: readonly string[];
  saving: boolean;
  error: unknown;
  onSave: (statements: string[], done: () => void) => void;
  /** Label of each row: "Statement 1", … */
  rowLabel?: string;
}

/** Up to five short statements, one per row; empty rows are ignored. */
export function StatementsEditor({ legend, hint, saved, saving, error, onSave, rowLabel = 'Statement' }: StatementsEditorProps) {
  const id = useId();
  const [rows, setRows] = useState<string[]>(() => toDraft(saved));
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [listError, setListError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const savedKey = saved.join('\u0000');

  useEffect(() => {
    setRows(toDraft(saved));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedKey]);

  useEffect(() => {
    if (message || error) messageRef.current?.focus();
  }, [message, error]);

  const setRow = (index: number, value: string) => {
    setRows((r) => r.map((row, i) => (i === index ? value : row)));
    setMessage(null);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkStatements(rows);
    setErrors(check.errors);
    setListError(check.listError);
    setMessage(null);
    if (Object.keys(check.errors).length > 0 || check.listError) return;
    if (!hasChanges(saved, rows)) {
      setMessage('Nothing changed.');
      return;
    }
    onSave(check.statements, () => setMessage(check.statements.length === 0 ? 'Statements cleared.' : 'Saved.'));
  };

  return (
    <form className="form statements" onSubmit={onSubmit} aria-labelledby={`${id}-legend`} noValidate>
      <fieldset className="statements__fieldset">
        <legend id={`${id}-legend`} className="statements__legend">
          {legend}
        </legend>
        <p className="field__hint" id={`${id}-hint`}>
          {hint} Up to {MAX_STATEMENTS}, each at most {MAX_STATEMENT_LENGTH} characters.
        </p>
        <ol className="statements__rows">
          {rows.map((row, index) => (
            <li key={index} className="statements__row">
              <label className="visually-hidden" htmlFor={`${id}-row-${index}`}>
                {rowLabel} {index + 1}
              </label>
              <textarea
                id={`${id}-row-${index}`}
                className="field__input statements__input"
                rows={2}
                value={row}
                maxLength={MAX_STATEMENT_LENGTH + 40}
                onChange={(e) => setRow(index, e.target.value)}
                aria-invalid={errors[index] ? true : undefined}
                aria-describedby={errors[index] ? `${id}-row-${index}-error` : `${id}-hint`}
              />
              {rows.length > 1 ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setRows((r) => r.filter((_, i) => i !== index))}
                >
                  Remove<span className="visually-hidden"> {rowLabel.toLowerCase()} {index + 1}</span>
                </button>
              ) : null}
              {errors[index] ? (
                <p className="field__error statements__error" id={`${id}-row-${index}-error`}>
                  {errors[index]}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
        {listError ? <p className="field__error">{listError}</p> : null}
      </fieldset>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={rows.length >= MAX_STATEMENTS}
          onClick={() => setRows((r) => [...r, ''])}
        >
          Add a statement
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
      <div ref={messageRef} tabIndex={-1} aria-live="polite">
        {error ? (
          <p className="alert" role="alert">
            Not saved: {toUserMessage(error)}
          </p>
        ) : message ? (
          <p className="notice" role="status">
            {message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
