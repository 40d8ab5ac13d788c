import { type FormEvent, useId, useState } from 'react';
import type { Cadence, PulseProgrammeFieldsFragment } from '../../../gql/graphql';
import { toUserMessage } from '../../../lib/api-error';
import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import { useGetOrgUnits } from '../../dashboard/hooks/useGetOrgUnits';
import { unitLabel } from '../../dashboard/utils/org-tree';
import {
  useCreatePulseProgramme,
  useGetPulseProgrammes,
  useGetPulseRounds,
  useGetQuestions,
  useLaunchPulseRound,
  usePausePulseProgramme,
  useResumePulseProgramme,
} from '../hooks/programme.hooks';
import { CADENCE_LABELS, formatDateTime, formatPeriod, formatRate, validateProgramme } from '../utils/programme-form';

export function ProgrammesSection() {
  const programmes = useGetPulseProgrammes();
  const [creating, setCreating] = useState(false);
  return (
    <div className="stack">
      <section className="card" aria-labelledby="programmes-title">
        <div className="card__header">
          <h2 id="programmes-title" className="card__title">
            Pulse programmes
          </h2>
          {!creating ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setCreating(true)}>
              New programme
            </button>
          ) : null}
        </div>
        {programmes.isPending ? (
          <LoadingState label="Loading programmes…" />
        ) : programmes.isError ? (
          <ErrorState error={programmes.error} title="Programmes couldn’t be loaded" onRetry={() => void programmes.refetch()} />
        ) : programmes.data.length === 0 ? (
          <p className="muted">No programmes yet. Create one to start sending pulses.</p>
        ) : (
          <ul className="programmes">
            {programmes.data.map((p) => (
              <ProgrammeItem key={p.id} programme={p} />
            ))}
          </ul>
        )}
      </section>
      {creating ? <CreateProgrammeForm onDone={() => setCreating(false)} /> : null}
    </div>
  );
}

function ProgrammeItem({ programme }: { programme: PulseProgrammeFieldsFragment }) {
  const pause = usePausePulseProgramme();
  const resume = useResumePulseProgramme();
  const launch = useLaunchPulseRound();
  const [showRounds, setShowRounds] = useState(false);
  const [launched, setLaunched] = useState(false);
  const roundsId = useId();
  const headingId = useId();
  const busy = pause.isPending || resume.isPending || launch.isPending;
  const error = pause.error ?? resume.error ?? launch.error;

  return (
    <li className="programme" aria-labelledby={headingId}>
      <div className="programme__head">
        <h3 id={headingId} className="programme__name">
          {programme.name}
        </h3>
        <span className={`status status--${programme.status.toLowerCase()}`}>
          {programme.status === 'ACTIVE' ? 'Active' : 'Paused'}
        </span>
      </div>
      <p className="programme__meta">
        {CADENCE_LABELS[programme.cadence]} · {programme.questionsPerRound} questions per round (from{' '}
        {programme.questionKeys.length}) · open {programme.openDays} days · first round {formatDateTime(programme.startsAt)}
      </p>
      <div className="programme__actions">
        {programme.status === 'ACTIVE' ? (
          <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => pause.mutate(programme.id)}>
            {pause.isPending ? 'Pausing…' : 'Pause'}
          </button>
        ) : (
          <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => resume.mutate(programme.id)}>
            {resume.isPending ? 'Resuming…' : 'Resume'}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={busy}
          onClick={() =>
            launch.mutate(programme.id, {
              onSuccess: () => {
                setLaunched(true);
                setShowRounds(true);
              },
            })
          }
        >
          {launch.isPending ? 'Launching…' : 'Launch a round now'}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={showRounds}
          aria-controls={roundsId}
          onClick={() => setShowRounds((s) => !s)}
        >
          {showRounds ? 'Hide rounds' : 'Show rounds'}
        </button>
      </div>
      {launched && !error ? (
        <p className="notice" role="status">
          Round launched. Invitations go out within each person’s working hours, outside quiet hours.
        </p>
      ) : null}
      {error ? (
        <p className="alert" role="alert">
          {toUserMessage(error)}
        </p>
      ) : null}
      <div id={roundsId}>{showRounds ? <RoundsTable programmeId={programme.id} poll={launched} /> : null}</div>
    </li>
  );
}

function RoundsTable({ programmeId, poll }: { programmeId: string; poll: boolean }) {
  const rounds = useGetPulseRounds(programmeId, { refetchInterval: poll ? 5_000 : false });
  if (rounds.isPending) return <LoadingState label="Loading rounds…" />;
  if (rounds.isError) return <ErrorState error={rounds.error} title="Rounds couldn’t be loaded" onRetry={() => void rounds.refetch()} />;
  if (rounds.data.length === 0) return <p className="muted">No rounds yet.</p>;
  return (
    <>
    <p className="muted table-note">
      Rounds, newest first. Participation is shown once a round has closed, and only when at least k people were invited
      and responded.
    </p>
    <div className="table-scroll" role="region" aria-label="Rounds and participation" tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">Rounds and participation, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Round</th>
            <th scope="col">Status</th>
            <th scope="col">Open from – until</th>
            <th scope="col" className="table__num">
              In audience
            </th>
            <th scope="col" className="table__num">
              Invited
            </th>
            <th scope="col" className="table__num">
              Skipped (monthly limit)
            </th>
            <th scope="col" className="table__num">
              Responded
            </th>
          </tr>
        </thead>
        <tbody>
          {[...rounds.data]
            .sort((a, b) => b.sequence - a.sequence)
            .map((round) => (
              <tr key={round.id}>
                <td>#{round.sequence}</td>
                <td>{round.status === 'OPEN' ? 'Open' : 'Closed'}</td>
                <td>
                  {formatPeriod(round.opensAt, round.closesAt)}
                </td>
                <td className="table__num">{round.eligibleCount}</td>
                <td className="table__num">{round.invitedCount}</td>
                <td className="table__num">{round.skippedFatigueCount}</td>
                <td className="table__num">
                  {round.respondedCount !== null && round.respondedCount !== undefined
                    ? `${round.respondedCount} (${formatRate(round.responseRate)})`
                    : round.status === 'OPEN'
                      ? 'shown after closing'
                      : 'hidden — too few to show'}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
    </>
  );
}

function CreateProgrammeForm({ onDone }: { onDone: () => void }) {
  const id = useId();
  const create = useCreatePulseProgramme();
  const questions = useGetQuestions();
  const orgUnits = useGetOrgUnits();
  const [name, setName] = useState('');
  const [cadence, setCadence] = useState<Cadence>('MONTHLY');
  const [openDays, setOpenDays] = useState('5');
  const [perRound, setPerRound] = useState('5');
  const [questionKeys, setQuestionKeys] = useState<string[] | null>(null);
  const [audience, setAudience] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const activeQuestions = (questions.data ?? []).filter((q) => q.active);
  const chosenKeys = questionKeys ?? activeQuestions.map((q) => q.key);
  const rootId = orgUnits.data?.[0]?.id ?? '';
  const audienceId = audience ?? rootId;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateProgramme({ name, openDays, questionsPerRound: perRound, questionKeys: chosenKeys, audienceUnitIds: audienceId ? [audienceId] : [] });
    if ('problems' in checked) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    create.mutate({ ...checked.input, cadence }, { onSuccess: onDone });
  };

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        New pulse programme
      </h2>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>
          Name
        </label>
        <input id={`${id}-name`} className="field__input" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field__pair">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-cadence`}>
            How often
          </label>
          <select id={`${id}-cadence`} className="field__input" value={cadence} onChange={(e) => setCadence(e.target.value as Cadence)}>
            {(Object.keys(CADENCE_LABELS) as Cadence[]).map((c) => (
              <option key={c} value={c}>
                {CADENCE_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-open`}>
            Days open (1–28)
          </label>
          <input id={`${id}-open`} className="field__input field__input--short" inputMode="numeric" value={openDays} onChange={(e) => setOpenDays(e.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-per`}>
            Questions per round (3–8)
          </label>
          <input id={`${id}-per`} className="field__input field__input--short" inputMode="numeric" value={perRound} onChange={(e) => setPerRound(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-audience`}>
          Who is asked
        </label>
        <select id={`${id}-audience`} className="field__input" value={audienceId} onChange={(e) => setAudience(e.target.value)}>
          {(orgUnits.data ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {unitLabel(u)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field field--choices">
        <legend className="field__label">Questions to rotate through (at least 3)</legend>
        {questions.isPending ? (
          <LoadingState label="Loading questions…" />
        ) : questions.isError ? (
          <ErrorState error={questions.error} title="Questions couldn’t be loaded" onRetry={() => void questions.refetch()} />
        ) : (
          <div className="choices-grid">
            {activeQuestions.map((q) => (
              <label key={q.key} className="choice">
                <input
                  type="checkbox"
                  checked={chosenKeys.includes(q.key)}
                  onChange={(e) =>
                    setQuestionKeys(e.target.checked ? [...chosenKeys, q.key] : chosenKeys.filter((k) => k !== q.key))
                  }
                />
                <span>{q.text}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      {problems.length > 0 || create.isError ? (
        <div className="alert" role="alert">
          {problems.length > 0 ? (
            <ul className="list">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            <>Not created: {toUserMessage(create.error)}</>
          )}
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create programme'}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
