import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import type { GetPulseQuery } from '../../../gql/graphql';
import { isApiError } from '../../../lib/api-error';
import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import { usePageTitle } from '../../shell/hooks/usePageTitle';
import { useGetPulse } from '../hooks/useGetPulse';
import { useSubmitPulse } from '../hooks/useSubmitPulse';
import {
  buildAnswers,
  type Draft,
  formatCloses,
  MAX_COMMENT_LENGTH,
  optionsFor,
  submitErrorMessage,
  tokenFromHash,
} from '../utils/pulse-form';
import '../pulse.css';

/**
 * The page an invitation email opens (`/pulse#token=…`). No sign-in: the link is the credential,
 * and nothing on this page names the person.
 */
export default function PulsePage() {
  const location = useLocation();
  const token = tokenFromHash(location.hash);
  const pulse = useGetPulse(token);

  let content;
  if (!token) {
    content = (
      <Message title="This link is incomplete">
        The pulse link is missing its code. Open the link from your pulse email again, or copy the whole link into your
        browser.
      </Message>
    );
  } else if (pulse.isPending) {
    content = <LoadingState label="Opening your pulse…" />;
  } else if (pulse.isError) {
    content =
      isApiError(pulse.error) && pulse.error.code === 'NOT_FOUND' ? (
        <Message title="This link doesn’t work">
          The link is not valid or has expired. Please use the link from your most recent pulse email.
        </Message>
      ) : (
        <ErrorState error={pulse.error} title="Your pulse couldn’t be opened" onRetry={() => void pulse.refetch()} />
      );
  } else if (pulse.data.state === 'ANSWERED') {
    content = (
      <Message title="You have already answered this pulse">
        Answers from this link were already received. Each link counts once — thank you for taking part.
      </Message>
    );
  } else if (pulse.data.state === 'CLOSED') {
    content = (
      <Message title="This pulse has closed">
        Answers are no longer collected for this pulse. The next one will arrive by email.
      </Message>
    );
  } else {
    content = <PulseForm token={token} form={pulse.data} />;
  }

  return (
    <div className="pulse-page">
      <main className="pulse-page__main" id="main">
        <p className="brand pulse-page__brand">
          <span className="brand__mark" aria-hidden="true" />
          Pulsewise
          {pulse.data ? <span className="pulse-page__org">· {pulse.data.organizationName}</span> : null}
        </p>
        {content}
      </main>
    </div>
  );
}

function Message({ title, children }: { title: string; children: React.ReactNode }) {
  usePageTitle(title);
  return (
    <section className="pulse-card" aria-labelledby="pulse-message-title">
      <h1 id="pulse-message-title" className="pulse-card__title" tabIndex={-1} data-page-heading>
        {title}
      </h1>
      <p>{children}</p>
    </section>
  );
}

type Form = GetPulseQuery['pulse'];

function PulseForm({ token, form }: { token: string; form: Form }) {
  usePageTitle('Your pulse');
  const submit = useSubmitPulse(token);
  const [draft, setDraft] = useState<Draft>({});
  const [problem, setProblem] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const idBase = useId();

  useEffect(() => {
    if (submit.isSuccess) doneRef.current?.focus();
  }, [submit.isSuccess]);
  useEffect(() => {
    if (problem || submit.isError) alertRef.current?.focus();
  }, [problem, submit.isError, submit.failureCount]);

  if (submit.isSuccess) {
    return (
      <section className="pulse-card pulse-card--done" aria-labelledby="pulse-done-title">
        <h1 id="pulse-done-title" className="pulse-card__title" tabIndex={-1} ref={doneRef}>
          Thank you — your answers were received
        </h1>
        <p>{submit.data.message}</p>
        <p className="muted">
          Your answers count only inside groups of at least {form.anonymityThreshold} people. Nobody can see what you
          answered. You can close this page.
        </p>
      </section>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildAnswers(form.questions, draft);
    if ('problem' in built) {
      setProblem(built.problem);
      return;
    }
    setProblem(null);
    submit.mutate(built.answers);
  };

  const failure = submit.isError
    ? submitErrorMessage(isApiError(submit.error) ? submit.error.code : undefined, isApiError(submit.error) ? submit.error.userMessage : undefined)
    : null;

  return (
    <form className="pulse-card" onSubmit={onSubmit} noValidate aria-labelledby="pulse-title">
      <h1 id="pulse-title" className="pulse-card__title" tabIndex={-1} data-page-heading>
        Your pulse
      </h1>
      <p className="muted">
        {form.questions.length} short question{form.questions.length === 1 ? '' : 's'}. Answer the ones you want to — every
        question can be left out. Open until {formatCloses(form.closesAt)}.
      </p>

      <section className="pulse-privacy" aria-labelledby="pulse-privacy-title">
        <h2 id="pulse-privacy-title" className="pulse-privacy__title">
          Where your answers count
        </h2>
        {form.notCountedReason ? (
          <p>{form.notCountedReason}</p>
        ) : (
          <ul className="pulse-privacy__groups">
            {form.countsIn.map((group) => (
              <li key={group}>{group}</li>
            ))}
          </ul>
        )}
        <p className="pulse-privacy__note">
          Results are only ever shown for groups where at least {form.anonymityThreshold} people answered. Smaller groups
          are never shown. Nobody — not your manager, not HR — can see your individual answers, and they are stored
          without your name.
        </p>
      </section>

      {form.questions.map((q, index) => {
        const qid = `${idBase}-q${index}`;
        if (q.type === 'COMMENT') {
          const text = typeof draft[q.id] === 'string' ? (draft[q.id] as string) : '';
          return (
            <div className="pulse-question field" key={q.id}>
              <label className="pulse-question__text" htmlFor={qid}>
                {q.text}
                {/optional/i.test(q.text) ? null : <span className="muted"> (optional)</span>}
              </label>
              <p className="field__hint" id={`${qid}-hint`}>
                Comments are shown only for groups of at least 10 people, never split by location or tenure. Avoid names
                or details that would identify you.
              </p>
              <textarea
                id={qid}
                className="field__input pulse-question__comment"
                rows={3}
                maxLength={MAX_COMMENT_LENGTH}
                aria-describedby={`${qid}-hint`}
                value={text}
                onChange={(e) => setDraft((d) => ({ ...d, [q.id]: e.target.value }))}
              />
            </div>
          );
        }
        const options = optionsFor(q);
        return (
          <fieldset className="pulse-question" key={q.id}>
            <legend className="pulse-question__text">{q.text}</legend>
            <div className={`pulse-scale pulse-scale--${q.type.toLowerCase()}`}>
              {options.map((option) => (
                <label key={option.value} className="pulse-scale__option">
                  <input
                    type="radio"
                    name={qid}
                    value={option.value}
                    checked={draft[q.id] === option.value}
                    aria-label={q.type === 'AGREEMENT_5' ? option.label : undefined}
                    onChange={() => setDraft((d) => ({ ...d, [q.id]: option.value }))}
                  />
                  {q.type === 'AGREEMENT_5' ? (
                    <>
                      <span className="pulse-scale__short" aria-hidden="true">
                        {option.value}
                      </span>
                      <span className="pulse-scale__long">{option.label}</span>
                    </>
                  ) : (
                    <span>{option.label}</span>
                  )}
                </label>
              ))}
            </div>
            {q.type === 'AGREEMENT_5' ? (
              <p className="pulse-scale__ends pulse-scale__ends--agreement" aria-hidden="true">
                <span>1 = strongly disagree</span>
                <span>5 = strongly agree</span>
              </p>
            ) : null}
            {q.type === 'ENPS_0_10' ? (
              <p className="pulse-scale__ends" aria-hidden="true">
                <span>0 = not at all likely</span>
                <span>10 = extremely likely</span>
              </p>
            ) : null}
            {draft[q.id] !== undefined ? (
              <button
                type="button"
                className="link-button pulse-question__clear"
                onClick={() => setDraft((d) => ({ ...d, [q.id]: undefined }))}
              >
                Clear this answer
              </button>
            ) : null}
          </fieldset>
        );
      })}

      {problem || failure ? (
        <div className="alert" role="alert" tabIndex={-1} ref={alertRef}>
          {problem ?? (
            <>
              <p className="pulse-alert__title">{failure!.title}</p>
              <p className="pulse-alert__body">{failure!.body}</p>
            </>
          )}
        </div>
      ) : null}

      {failure?.final ? null : (
        <button type="submit" className="button button--primary button--block" disabled={submit.isPending}>
          {submit.isPending ? 'Sending…' : 'Send my answers'}
        </button>
      )}
    </form>
  );
}
