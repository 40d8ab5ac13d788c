import { type FormEvent, useId, useState } from 'react';
import type { KpiFieldsFragment } from '../../../gql/graphql';
import { toUserMessage } from '../../../lib/api-error';
import { useGetOrgUnits } from '../../dashboard/hooks/useGetOrgUnits';
import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import {
  useCreateKpi,
  useDeleteKpi,
  useGetKpiObservations,
  useGetKpis,
  useImportKpiObservations,
  useRecordKpiObservations,
  useUpdateKpi,
} from '../hooks/kpis.hooks';
import { plural } from '../utils/directory-csv';
import { checkKpiDraft, checkObservation, EMPTY_KPI_DRAFT, type FieldErrors, KPI_CSV_COLUMNS, type KpiDraft } from '../utils/signal-forms';
import { CsvImportForm } from './CsvImportForm';

/** Business KPIs: list (org-tree order of the owning unit, as the API gives it), create, edit, delete, monthly figures, CSV import. */
export default function KpisSection() {
  const kpis = useGetKpis();
  return (
    <div className="stack">
      <section className="card" aria-labelledby="kpis-title">
        <h2 id="kpis-title" className="card__title">
          KPIs
        </h2>
        <p className="muted">Business figures shown next to the culture signals on the dashboard, in their own panel.</p>
        {kpis.isPending ? (
          <LoadingState label="Loading KPIs…" />
        ) : kpis.isError ? (
          <ErrorState error={kpis.error} title="KPIs couldn’t be loaded" onRetry={() => void kpis.refetch()} />
        ) : kpis.data.length === 0 ? (
          <p>No KPIs yet. Add the first one below.</p>
        ) : (
          <ul className="signal-list">
            {kpis.data.map((kpi) => (
              <KpiItem key={kpi.id} kpi={kpi} />
            ))}
          </ul>
        )}
      </section>
      <KpiImportCard />
      <section className="card" aria-labelledby="kpi-new-title">
        <h2 id="kpi-new-title" className="card__title">
          Add a KPI
        </h2>
        <KpiForm mode="create" />
      </section>
    </div>
  );
}

type Panel = 'none' | 'edit' | 'figures' | 'delete';

function KpiItem({ kpi }: { kpi: KpiFieldsFragment }) {
  const [panel, setPanel] = useState<Panel>('none');
  const remove = useDeleteKpi();
  const headingId = useId();
  const toggle = (p: Panel) => setPanel((current) => (current === p ? 'none' : p));
  return (
    <li className="signal" aria-labelledby={headingId}>
      <div className="signal__head">
        <h3 id={headingId} className="signal__name">
          {kpi.name}
        </h3>
      </div>
      {kpi.description ? <p className="signal__description">{kpi.description}</p> : null}
      <dl className="signal__meta">
        <div>
          <dt>Key</dt>
          <dd>
            <code className="code">{kpi.key}</code>
          </dd>
        </div>
        <div>
          <dt>Unit</dt>
          <dd>{kpi.unit}</dd>
        </div>
        <div>
          <dt>Owned by</dt>
          <dd>{kpi.orgUnitPath || 'The whole organisation'}</dd>
        </div>
      </dl>
      <div className="button-row">
        <button type="button" className="button button--secondary button--small" aria-expanded={panel === 'figures'} onClick={() => toggle('figures')}>
          Monthly figures<span className="visually-hidden"> of {kpi.name}</span>
        </button>
        <button type="button" className="button button--secondary button--small" aria-expanded={panel === 'edit'} onClick={() => toggle('edit')}>
          Edit<span className="visually-hidden"> {kpi.name}</span>
        </button>
        <button type="button" className="button button--secondary button--small" aria-expanded={panel === 'delete'} onClick={() => toggle('delete')}>
          Delete<span className="visually-hidden"> {kpi.name}</span>
        </button>
      </div>
      {panel === 'edit' ? <KpiForm mode="edit" kpi={kpi} onDone={() => setPanel('none')} /> : null}
      {panel === 'figures' ? <KpiFigures kpi={kpi} /> : null}
      {panel === 'delete' ? (
        <div className="key__confirm" role="group" aria-label={`Delete ${kpi.name}?`}>
          <p>Delete “{kpi.name}” and all its monthly figures? This cannot be undone.</p>
          <div className="button-row">
            <button type="button" className="button button--primary button--small" disabled={remove.isPending} onClick={() => remove.mutate(kpi.id)}>
              {remove.isPending ? 'Deleting…' : 'Yes, delete'}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setPanel('none')}>
              Keep it
            </button>
          </div>
          {remove.isError ? (
            <p className="alert" role="alert">
              Not deleted: {toUserMessage(remove.error)}
            </p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function KpiFigures({ kpi }: { kpi: KpiFieldsFragment }) {
  const id = useId();
  const figures = useGetKpiObservations(kpi.id);
  const record = useRecordKpiObservations();
  const [month, setMonth] = useState('');
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'month' | 'value'>>({});
  const [saved, setSaved] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkObservation(month, value, new Date());
    setErrors(check.errors);
    setSaved(null);
    if (!check.observation) return;
    const observation = check.observation;
    record.mutate(
      { kpiId: kpi.id, observations: [observation] },
      { onSuccess: () => setSaved(`${observation.month}: ${observation.value} ${kpi.unit} saved.`) },
    );
  };

  return (
    <div className="kpi-figures">
      {figures.isPending ? (
        <LoadingState label="Loading figures…" />
      ) : figures.isError ? (
        <ErrorState error={figures.error} title="Figures couldn’t be loaded" onRetry={() => void figures.refetch()} />
      ) : figures.data.length === 0 ? (
        <p className="muted">No figures in the last 12 months.</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="table">
            <caption id={`${id}-caption`} className="table__caption">
              {kpi.name}, last 12 months, by month
            </caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Figure ({kpi.unit})</th>
              </tr>
            </thead>
            <tbody>
              {figures.data.map((o) => (
                <tr key={o.month}>
                  <td>{o.month}</td>
                  <td className="table__num">{o.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="form" onSubmit={onSubmit} aria-label={`Record a figure for ${kpi.name}`} noValidate>
        <div className="field__pair">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-month`}>
              Month (YYYY-MM)
            </label>
            <input
              id={`${id}-month`}
              className="field__input field__input--short"
              value={month}
              placeholder="2026-10"
              onChange={(e) => setMonth(e.target.value)}
              aria-invalid={errors.month ? true : undefined}
              aria-describedby={errors.month ? `${id}-month-error` : undefined}
            />
            {errors.month ? (
              <p className="field__error" id={`${id}-month-error`}>
                {errors.month}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-value`}>
              Figure ({kpi.unit})
            </label>
            <input
              id={`${id}-value`}
              className="field__input field__input--short"
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              aria-invalid={errors.value ? true : undefined}
              aria-describedby={errors.value ? `${id}-value-error` : undefined}
            />
            {errors.value ? (
              <p className="field__error" id={`${id}-value-error`}>
                {errors.value}
              </p>
            ) : null}
          </div>
        </div>
        <p className="field__hint">A month that already has a figure gets the new one.</p>
        {record.isError ? (
          <p className="alert" role="alert">
            Not saved: {toUserMessage(record.error)}
          </p>
        ) : null}
        {saved ? (
          <p className="notice" role="status">
            {saved}
          </p>
        ) : null}
        <div>
          <button type="submit" className="button button--primary button--small" disabled={record.isPending}>
            {record.isPending ? 'Saving…' : 'Save figure'}
          </button>
        </div>
      </form>
    </div>
  );
}

function KpiForm({ mode, kpi, onDone }: { mode: 'create' | 'edit'; kpi?: KpiFieldsFragment; onDone?: () => void }) {
  const id = useId();
  const units = useGetOrgUnits();
  const create = useCreateKpi();
  const update = useUpdateKpi();
  const mutation = mode === 'create' ? create : update;
  const [draft, setDraft] = useState<KpiDraft>(() =>
    kpi ? { key: kpi.key, name: kpi.name, unit: kpi.unit, description: kpi.description, orgUnitId: kpi.orgUnitId } : EMPTY_KPI_DRAFT,
  );
  const [errors, setErrors] = useState<FieldErrors<keyof KpiDraft>>({});
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: found } = checkKpiDraft(draft, { requireKey: mode === 'create' });
    setErrors(found);
    setDone(null);
    if (!input) return;
    if (mode === 'create') {
      create.mutate(input, {
        onSuccess: (created) => {
          setDone(`“${created.name}” was added.`);
          setDraft(EMPTY_KPI_DRAFT);
        },
      });
    } else if (kpi) {
      const { key: _key, ...rest } = input;
      update.mutate({ id: kpi.id, ...rest }, { onSuccess: () => onDone?.() });
    }
  };

  const describedBy = (name: keyof KpiDraft, hint?: boolean) =>
    [hint ? `${id}-${name}-hint` : '', errors[name] ? `${id}-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const error = (name: keyof KpiDraft) =>
    errors[name] ? (
      <p className="field__error" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  const input = (name: Exclude<keyof KpiDraft, 'orgUnitId'>, label: string, hint?: string) => (
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
        className="field__input"
        value={draft[name]}
        onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(name, Boolean(hint))}
      />
      {error(name)}
    </div>
  );

  return (
    <form className="form" onSubmit={onSubmit} aria-label={mode === 'create' ? 'New KPI' : `Edit ${kpi?.name ?? 'KPI'}`} noValidate>
      <div className="field__pair">
        {input('name', 'Name')}
        {mode === 'create' ? input('key', 'Key', 'Used in import files: lower-case letters, digits and underscores.') : null}
      </div>
      <div className="field__pair">
        {input('unit', 'Unit', 'e.g. “EUR”, “days”, “% of customers”.')}
        <div className="field">
          <label className="field__label" htmlFor={`${id}-orgUnitId`}>
            Owned by
          </label>
          {units.isError ? (
            <ErrorState error={units.error} title="Units couldn’t be loaded" onRetry={() => void units.refetch()} />
          ) : (
            <select
              id={`${id}-orgUnitId`}
              className="field__input"
              value={draft.orgUnitId}
              disabled={units.isPending}
              onChange={(e) => setDraft((d) => ({ ...d, orgUnitId: e.target.value }))}
              aria-invalid={errors.orgUnitId ? true : undefined}
              aria-describedby={describedBy('orgUnitId')}
            >
              <option value="">{units.isPending ? 'Loading units…' : 'Choose a unit'}</option>
              {(units.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {'\u2003'.repeat(u.depth)}
                  {u.name}
                </option>
              ))}
            </select>
          )}
          {error('orgUnitId')}
        </div>
      </div>
      {input('description', 'Description (optional)')}
      {mutation.isError ? (
        <p className="alert" role="alert">
          Not saved: {toUserMessage(mutation.error)}
        </p>
      ) : null}
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : mode === 'create' ? 'Add KPI' : 'Save changes'}
        </button>
        {mode === 'edit' ? (
          <button type="button" className="button button--secondary" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

function KpiImportCard() {
  const id = useId();
  const importKpis = useImportKpiObservations();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Import KPI figures
      </h2>
      <p>
        Upload a CSV file with one KPI and month per line. The first line names the columns:{' '}
        {KPI_CSV_COLUMNS.map((c, i) => (
          <span key={c}>
            <code className="code">{c}</code>
            {i < KPI_CSV_COLUMNS.length - 1 ? ', ' : '.'}
          </span>
        ))}{' '}
        <code className="code">kpi</code> is the KPI’s key and <code className="code">month</code> is YYYY-MM. If any line
        has a problem, nothing is imported.
      </p>
      <CsvImportForm
        fileLabel="KPI figures (CSV)"
        columns={KPI_CSV_COLUMNS}
        rowNoun="figure"
        pending={importKpis.isPending}
        error={importKpis.error}
        result={importKpis.data}
        onImport={(csv) => importKpis.mutate(csv)}
        onReset={() => importKpis.reset()}
        renderSuccess={(result) => (
          <div className="notice" role="status">
            <p className="notice__title">
              Imported {plural(result.rowsRead, 'line')}: {plural(result.observationsWritten, 'monthly figure')} saved.
            </p>
          </div>
        )}
      />
    </section>
  );
}
