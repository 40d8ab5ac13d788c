import { useId } from 'react';

export interface RowError {
  row: number;
  column?: string | null;
  message: string;
}

/** Every problem of a refused import, by line (line 1 is the header), in the API's order. */
export function ImportErrorsTable({ errors }: { errors: readonly RowError[] }) {
  const id = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="table">
        <caption id={`${id}-caption`} className="table__caption">
          Problems by line (line 1 is the header)
        </caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr key={`${error.row}-${error.column ?? ''}-${index}`}>
              <td className="table__num">{error.row}</td>
              <td>{error.column ? <code className="code">{error.column}</code> : 'whole line'}</td>
              <td>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
