import { useImportDirectory } from '../hooks/directory.hooks';
import { DIRECTORY_COLUMNS, plural } from '../utils/directory-csv';
import { CsvImportForm } from './CsvImportForm';

/** Upload a directory CSV; see progress; see every problem by row. Nothing is written if any row is invalid. */
export function DirectoryImportSection() {
  const importDirectory = useImportDirectory();

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title" className="card__title">
        Import the directory
      </h2>
      <p>
        Upload a CSV file with one person per line. The first line names the columns:{' '}
        {DIRECTORY_COLUMNS.map((c, i) => (
          <span key={c}>
            <code className="code">{c}</code>
            {i < DIRECTORY_COLUMNS.length - 1 ? ', ' : '.'}
          </span>
        ))}
      </p>
      <p className="muted">
        Every line is checked first. If any line has a problem, nothing is imported and each problem is listed with its
        line number, so you can fix the file and upload it again.
      </p>
      <CsvImportForm
        fileLabel="Directory file (CSV)"
        columns={DIRECTORY_COLUMNS}
        rowNoun="person"
        rowNounPlural="people"
        pending={importDirectory.isPending}
        error={importDirectory.error}
        result={importDirectory.data}
        onImport={(csv) => importDirectory.mutate(csv)}
        onReset={() => importDirectory.reset()}
        renderSuccess={(result) => (
          <div className="notice" role="status">
            <p className="notice__title">Imported {plural(result.rowsRead, 'line')}.</p>
            <ul className="list">
              <li>{plural(result.peopleCreated, 'person', 'people')} added</li>
              <li>{plural(result.peopleUpdated, 'person', 'people')} updated</li>
              <li>{plural(result.peopleUnchanged, 'person', 'people')} unchanged</li>
              <li>{plural(result.orgUnitsCreated, 'new org unit')}</li>
            </ul>
          </div>
        )}
      />
    </section>
  );
}
