import { type FormEvent, useId, useState } from 'react';
import type { SignalFieldsFragment } from '../../../gql/graphql';
import { toUserMessage } from '../../../lib/api-error';
import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import { useDefineImportedSignal, useGetSignals, useSetSignalHealthyBand } from '../hooks/signals.hooks';
import {
  type BandDraft,
  bandDraftOf,
  checkBand,
  checkSignalDraft,
  describeBand,
  EMPTY_SIGNAL_DRAFT,
  type FieldErrors,
  type SignalDraft,
} from '../utils/signal-forms';

/** The signal catalogue (built-in first, then the organisation's own, as the API lists them), healthy bands, new imported signals. */
export default function SignalsSection() {
  const signals = useGetSignals();
  return (
    <div className="stack">
      <section className="card" aria-labelledby="signals-title">
        <h2 id="signals-title" className="card__title">
          Signal catalogue
        </h2>
        <p className="muted">
          Culture signals shown on the dashboard. A healthy range draws a band on the chart so people can see at a glance
          whether a month is inside it; it never compares units with each other.
        </p>
        {signals.isPending ? (
          <LoadingState label="Loading signals…" />
        ) : signals.isError ? (
          <ErrorState error={signals.error} title="Signals couldn’t be loaded" onRetry={() => void signals.refetch()} />
        ) : (
          <ul className="signal-list">
            {signals.data.map((signal) => (
              <SignalItem key={signal.id} signal={signal} />
            ))}
          </ul>
        )}
      </section>
      <DefineSignalForm />
    </div>
  );
}

function SignalItem({ signal }: { signal: SignalFieldsFragment }) {
  const [editing, setEditing] = useState(false);
  const headingId = useId();
  return (
    <li className="signal" aria-labelledby={headingId}>
      <div className="signal__head">
        <h3 id={headingId} className="signal__name">
          {signal.name}
        </h3>
        <span className="badge">{signal.source === 'PULSE' ? 'From pulse answers' : 'Imported'}</span>
      </div>
      <p className="signal__description">{signal.description}</p>
      <dl className="signal__meta">
        <div>
          <dt>Key</dt>
          <dd>
            <code className="code">{signal.key}</code>
          </dd>
        </div>
        <div>
          <dt>Unit</dt>
          <dd>{signal.unit}</dd>
        </div>
        {signal.valueMin != null && signal.valueMax != null ? (
          <div>
            <dt>Possible values</dt>
            <dd>
              {signal.valueMin} to {signal.valueMax}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Healthy range</dt>
          <dd>{describeBand(signal.healthyMin, signal.healthyMax, signal.unit)}</dd>
        </div>
      </dl>
      {editing ? (
        <BandForm signal={signal} onDone={() => setEditing(false)} />
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={() => setEditing(true)}>
          Set healthy range<span className="visually-hidden"> for {signal.name}</span>
        </button>
      )}
    </li>
  );
}

function BandForm({ signal, onDone }: { signal: SignalFieldsFragment; onDone: () => void }) {
  const id = useId();
  const setBand = useSetSignalHealthyBand();
  const [draft, setDraft] = useState<BandDraft>(() => bandDraftOf(signal));
  const [errors, setErrors] = useState<FieldErrors<'min' | 'max'>>({});

  const save = (band: { healthyMin: number | null; healthyMax: number | null }) =>
    setBand.mutate({ key: signal.key, ...band }, { onSuccess: onDone });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { band, errors: found } = checkBand(draft);
    setErrors(found);
    if (band) save(band);
  };

  const field = (name: 'min' | 'max', label: string) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        className="field__input field__input--short"
        inputMode="decimal"
        value={draft[name]}
        onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : `${id}-hint`}
      />
      {errors[name] ? (
        <p className="field__error" id={`${id}-${name}-error`}>
          {errors[name]}
        </p>
      ) : null}
    </div>
  );

  return (
    <form className="form band-form" onSubmit={onSubmit} aria-label={`Healthy range for ${signal.name}`} noValidate>
      <p className="field__hint" id={`${id}-hint`}>
        In {signal.unit}. Leave an end empty for no limit on that side.
      </p>
      <div className="field__pair">
        {field('min', 'Lower end')}
        {field('max', 'Upper end')}
      </div>
      {setBand.isError ? (
        <p className="alert" role="alert">
          Not saved: {toUserMessage(setBand.error)}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--primary button--small" disabled={setBand.isPending}>
          {setBand.isPending ? 'Saving…' : 'Save range'}
        </button>
        <button type="button" className="button button--secondary button--small" disabled={setBand.isPending} onClick={() => save({ healthyMin: null, healthyMax: null })}>
          Clear range
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function DefineSignalForm() {
  const id = useId();
  const define = useDefineImportedSignal();
  const [draft, setDraft] = useState<SignalDraft>(EMPTY_SIGNAL_DRAFT);
  const [errors, setErrors] = useState<FieldErrors<keyof SignalDraft>>({});
  const [created, setCreated] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: found } = checkSignalDraft(draft);
    setErrors(found);
    setCreated(null);
    if (!input) return;
    define.mutate(input, {
      onSuccess: (signal) => {
        setCreated(`“${signal.name}” was added. Import its monthly figures under Signal import, with signal = ${signal.key}.`);
        setDraft(EMPTY_SIGNAL_DRAFT);
      },
    });
  };

  const field = (name: keyof SignalDraft, label: string, hint?: string, short = false) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={`${id}-${name}`}
        className={`field__input${short ? ' field__input--short' : ''}`}
        inputMode={short ? 'decimal' : undefined}
        value={draft[name]}
        onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={[hint ? `${id}-${name}-hint` : '', errors[name] ? `${id}-${name}-error` : ''].filter(Boolean).join(' ') || undefined}
      />
      {errors[name] ? (
        <p className="field__error" id={`${id}-${name}-error`}>
          {errors[name]}
        </p>
      ) : null}
    </div>
  );

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Add an imported signal
      </h2>
      <p className="muted">
        A signal your HR systems know per unit and month (for example training hours). Its figures arrive through Signal
        import and pass the same anonymity audit as everything else before anyone sees them.
      </p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="field__pair">
          {field('name', 'Name')}
          {field('key', 'Key', 'Used in import files: lower-case letters, digits and underscores.')}
        </div>
        {field('unit', 'Unit', 'What one value means, e.g. “training hours per person-month”.')}
        {field('description', 'Description')}
        <div className="field__pair">
          {field('valueMin', 'Smallest possible value (optional)', undefined, true)}
          {field('valueMax', 'Largest possible value (optional)', undefined, true)}
        </div>
        {define.isError ? (
          <p className="alert" role="alert">
            Not added: {toUserMessage(define.error)}
          </p>
        ) : null}
        {created ? (
          <p className="notice" role="status">
            {created}
          </p>
        ) : null}
        <div>
          <button type="submit" className="button button--primary" disabled={define.isPending}>
            {define.isPending ? 'Adding…' : 'Add signal'}
          </button>
        </div>
      </form>
    </section>
  );
}
