import { ErrorState } from '../../shell/components/ErrorState';
import { LoadingState } from '../../shell/components/LoadingState';
import { useGetOrgUnits } from '../../dashboard/hooks/useGetOrgUnits';

/** The organisation's units in tree order, as the directory import built them. */
export function OrgUnitsSection() {
  const orgUnits = useGetOrgUnits();
  return (
    <section className="card" aria-labelledby="org-units-title">
      <h2 id="org-units-title" className="card__title">
        Org units
      </h2>
      <p className="muted">
        Units come from the <code className="code">orgUnitPath</code> column of the directory import. To move or rename a
        unit, change the file and import it again.
      </p>
      {orgUnits.isPending ? (
        <LoadingState label="Loading org units…" />
      ) : orgUnits.isError ? (
        <ErrorState error={orgUnits.error} title="Org units couldn’t be loaded" onRetry={() => void orgUnits.refetch()} />
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="org-units-caption" tabIndex={0}>
          <table className="table">
            <caption id="org-units-caption" className="visually-hidden">
              Org units in tree order
            </caption>
            <thead>
              <tr>
                <th scope="col">Unit</th>
                <th scope="col">Path</th>
              </tr>
            </thead>
            <tbody>
              {orgUnits.data.map((u) => (
                <tr key={u.id}>
                  <td>
                    <span style={{ paddingLeft: `${u.depth * 1.25}rem` }} className="org-unit-name">
                      {u.name}
                    </span>
                  </td>
                  <td className="table__wrap">{u.path === '' ? '(whole organisation)' : u.path}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
