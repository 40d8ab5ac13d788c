import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { GetTenantPolicyQuery } from '../../../gql/graphql';
import { toUserMessage } from '../../../lib/api-error';
import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import { useGetTenantPolicy, useUpdateTenantPolicy } from '../hooks/policy.hooks';
import { DIMENSION_OPTIONS, diffPolicy, MIN_THRESHOLD, type PolicyDraft, type PolicyErrors, toDraft } from '../utils/policy-form';

export function PolicySection() {
  const policy = useGetTenantPolicy();
  if (policy.isPending) return <LoadingState label="Loading policies…" />;
  if (policy.isError) {
    return <ErrorState error={policy.error} title="Policies couldn’t be loaded" onRetry={() => void policy.refetch()} />;
  }
  return <PolicyForm policy={policy.data} />;
}

type Policy = GetTenantPolicyQuery['tenantPolicy'];

function PolicyForm({ policy }: { policy: Policy }) {
  const update = useUpdateTenantPolicy();
  const id = useId();
  const [draft, setDraft] = useState<PolicyDraft>(() => toDraft(policy));
  const [errors, setErrors] = useState<PolicyErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (update.isError || saved) messageRef.current?.focus();
  }, [update.isError, saved]);

  const set = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(null);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: found } = diffPolicy(policy, draft);
    setErrors(found);
    setSaved(null);
    if (Object.keys(found).length > 0) return;
    if (Object.keys(input).length === 0) {
      setSaved('Nothing changed.');
      return;
    }
    update.mutate(input, {
      onSuccess: (next) => {
        setDraft(toDraft(next));
        setSaved('Policies saved. The change is recorded in the audit log.');
      },
    });
  };

  const fieldProps = (key: keyof PolicyDraft) => ({
    id: `${id}-${key}`,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': [`${id}-${key}-hint`, errors[key] ? `${id}-${key}-error` : ''].filter(Boolean).join(' '),
  });
  const error = (key: keyof PolicyDraft) =>
    errors[key] ? (
      <p className="field__error" id={`${id}-${key}-error`}>
        {errors[key]}
      </p>
    ) : null;

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Policies
      </h2>

      <div className="field">
        <label className="field__label" htmlFor={`${id}-anonymityThreshold`}>
          Anonymity threshold (k)
        </label>
        <p className="field__hint" id={`${id}-anonymityThreshold-hint`}>
          Groups with fewer than this many respondents are never shown, anywhere. It can never be below {MIN_THRESHOLD}.
          You can always raise it; you cannot lower it once rounds have answers, because people answered those rounds
          under the threshold that applied then.
        </p>
        <input
          {...fieldProps('anonymityThreshold')}
          className="field__input field__input--short"
          inputMode="numeric"
          value={draft.anonymityThreshold}
          onChange={(e) => set('anonymityThreshold', e.target.value)}
        />
        {error('anonymityThreshold')}
      </div>

      <fieldset className="field field--choices">
        <legend className="field__label">Quiet hours</legend>
        <p className="field__hint" id={`${id}-quietHoursStart-hint`}>
          No pulse invitations or reminders are sent between these times, in each person’s own time zone.
        </p>
        <div className="field__pair">
          <div className="field">
            <label htmlFor={`${id}-quietHoursStart`}>From</label>
            <input
              {...fieldProps('quietHoursStart')}
              className="field__input field__input--short"
              type="time"
              value={draft.quietHoursStart}
              onChange={(e) => set('quietHoursStart', e.target.value)}
            />
            {error('quietHoursStart')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-quietHoursEnd`}>Until</label>
            <input
              {...fieldProps('quietHoursEnd')}
              aria-describedby={`${id}-quietHoursStart-hint${errors.quietHoursEnd ? ` ${id}-quietHoursEnd-error` : ''}`}
              className="field__input field__input--short"
              type="time"
              value={draft.quietHoursEnd}
              onChange={(e) => set('quietHoursEnd', e.target.value)}
            />
            {error('quietHoursEnd')}
          </div>
        </div>
      </fieldset>

      <div className="field">
        <label className="field__label" htmlFor={`${id}-maxPulsesPerMonth`}>
          Pulses per person per month (fatigue budget)
        </label>
        <p className="field__hint" id={`${id}-maxPulsesPerMonth-hint`}>
          Nobody is invited to more pulses than this in a month. People over the limit are skipped for that round and
          counted, never silently dropped.
        </p>
        <input
          {...fieldProps('maxPulsesPerMonth')}
          className="field__input field__input--short"
          inputMode="numeric"
          value={draft.maxPulsesPerMonth}
          onChange={(e) => set('maxPulsesPerMonth', e.target.value)}
        />
        {error('maxPulsesPerMonth')}
      </div>

      <div className="field">
        <label className="field__label" htmlFor={`${id}-responseRetentionMonths`}>
          Keep raw answers for (months)
        </label>
        <p className="field__hint" id={`${id}-responseRetentionMonths-hint`}>
          Raw answers older than this are deleted. Published results are kept.
        </p>
        <input
          {...fieldProps('responseRetentionMonths')}
          className="field__input field__input--short"
          inputMode="numeric"
          value={draft.responseRetentionMonths}
          onChange={(e) => set('responseRetentionMonths', e.target.value)}
        />
        {error('responseRetentionMonths')}
      </div>

      <fieldset className="field field--choices" aria-describedby={`${id}-allowedDimensions-hint`}>
        <legend className="field__label">Results may be split by</legend>
        <p className="field__hint" id={`${id}-allowedDimensions-hint`}>
          At most two. Every split makes groups smaller, so more of them are hidden.
        </p>
        {DIMENSION_OPTIONS.map((option) => (
          <label key={option.key} className="choice">
            <input
              type="checkbox"
              checked={draft.allowedDimensions.includes(option.key)}
              onChange={(e) =>
                set(
                  'allowedDimensions',
                  e.target.checked
                    ? [...draft.allowedDimensions, option.key]
                    : draft.allowedDimensions.filter((d) => d !== option.key),
                )
              }
            />
            <span>
              {option.label} <span className="muted">— {option.hint}</span>
            </span>
          </label>
        ))}
        {error('allowedDimensions')}
      </fieldset>

      <div ref={messageRef} tabIndex={-1}>
        {update.isError ? (
          <div className="alert" role="alert">
            Not saved: {toUserMessage(update.error)}
          </div>
        ) : saved ? (
          <p className="notice" role="status">
            {saved}
          </p>
        ) : null}
      </div>

      <div>
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save policies'}
        </button>
      </div>
    </form>
  );
}
