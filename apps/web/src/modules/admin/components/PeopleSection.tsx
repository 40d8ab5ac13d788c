import { useEffect, useId, useMemo, useState } from 'react';
import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import { describeRoles } from '../../shell/utils/navigation';
import { useGetOrgUnits } from '../../dashboard/hooks/useGetOrgUnits';
import { unitLabel } from '../../dashboard/utils/org-tree';
import { PEOPLE_PAGE_SIZE, useGetPeople } from '../hooks/directory.hooks';
import { plural } from '../utils/directory-csv';

/** The directory, by email (the API's order), with search and paging. */
export function PeopleSection() {
  const searchId = useId();
  const unitId = useId();
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [unit, setUnit] = useState<string>('');
  // Cursors of the pages before the current one, for "Previous".
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;

  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(searchInput.trim());
      setCursors([null]);
    }, 300);
    return () => clearTimeout(timer);
  }, [searchInput]);

  const orgUnits = useGetOrgUnits();
  const people = useGetPeople(search, unit || null, after);
  const unitNames = useMemo(() => new Map((orgUnits.data ?? []).map((u) => [u.id, unitLabel(u)])), [orgUnits.data]);
  const page = cursors.length;

  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title" className="card__title">
        People
      </h2>
      <div className="filters" role="search">
        <div className="field">
          <label className="field__label" htmlFor={searchId}>
            Search by name or email
          </label>
          <input
            id={searchId}
            type="search"
            className="field__input"
            value={searchInput}
            onChange={(e) => setSearchInput(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={unitId}>
            Org unit
          </label>
          <select
            id={unitId}
            className="field__input"
            value={unit}
            onChange={(e) => {
              setUnit(e.target.value);
              setCursors([null]);
            }}
          >
            <option value="">Everyone</option>
            {(orgUnits.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {'\u00a0\u00a0'.repeat(u.depth)}
                {u.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      {people.isPending ? (
        <LoadingState label="Loading people…" />
      ) : people.isError ? (
        <ErrorState error={people.error} title="People couldn’t be loaded" onRetry={() => void people.refetch()} />
      ) : (
        <>
          <p className="muted" role="status">
            {people.data.totalCount === 0
              ? search
                ? `Nobody matches “${search}”.`
                : 'Nobody here yet.'
              : `${plural(people.data.totalCount, 'person', 'people')}${search ? ` matching “${search}”` : ''} · page ${page} of ${Math.max(1, Math.ceil(people.data.totalCount / PEOPLE_PAGE_SIZE))}`}
          </p>
          {people.data.items.length > 0 ? (
            <div className="table-scroll" role="region" aria-labelledby="people-caption" tabIndex={0}>
              <table className="table" aria-busy={people.isFetching}>
                <caption id="people-caption" className="visually-hidden">
                  People in the directory, by email
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Org unit</th>
                    <th scope="col">Location</th>
                    <th scope="col">Roles</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {people.data.items.map((person) => (
                    <tr key={person.id}>
                      <td>{person.displayName}</td>
                      <td className="table__wrap">{person.email}</td>
                      <td>{unitNames.get(person.orgUnitId) ?? '—'}</td>
                      <td>{person.location ?? '—'}</td>
                      <td>{describeRoles(person.roles)}</td>
                      <td>{person.active ? 'Active' : 'Left'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <div className="pager">
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={cursors.length <= 1}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              Previous page
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={!people.data.nextCursor || people.isPlaceholderData}
              onClick={() => setCursors((c) => [...c, people.data.nextCursor ?? null])}
            >
              Next page
            </button>
          </div>
        </>
      )}
    </section>
  );
}
