import { describe, expect, it } from 'vitest';
import { DIRECTORY_COLUMNS, plural, splitCsvLine } from './directory-csv';
import { csvFileProblem, summariseColumns } from './signal-forms';

// The directory file goes through the same checks as every CSV import.
const summariseCsv = (text: string) => summariseColumns(text, DIRECTORY_COLUMNS);
const fileProblem = (file: { name: string; size: number }, summary: ReturnType<typeof summariseCsv>) => csvFileProblem(file, summary, 'people');

const HEADER = 'email,name,orgUnitPath,managerEmail,location,startDate,timezone,roles';

describe('splitCsvLine', () => {
  it('honours quotes and escaped quotes', () => {
    expect(splitCsvLine('a,"b, c","say ""hi""",')).toEqual(['a', 'b, c', 'say "hi"', '']);
  });
});

describe('summariseCsv', () => {
  it('counts data rows and finds missing columns', () => {
    expect(summariseCsv(`\uFEFF${HEADER}\r\na@x.io,A,Eng,,Berlin,,Europe/Berlin,EMPLOYEE\r\n\r\n`)).toEqual({
      rows: 1,
      missingColumns: [],
    });
    expect(summariseCsv('email,name\n').missingColumns).toEqual(['orgUnitPath', 'managerEmail', 'location', 'startDate', 'timezone', 'roles']);
  });
});

describe('fileProblem', () => {
  const ok = summariseCsv(`${HEADER}\na@x.io,A,Eng,,,,,`);
  it('accepts a CSV with the right header and rows', () => {
    expect(fileProblem({ name: 'people.csv', size: 100 }, ok)).toBeNull();
  });
  it('explains what is wrong with the file', () => {
    expect(fileProblem({ name: 'people.xlsx', size: 100 }, ok)).toMatch(/CSV/);
    expect(fileProblem({ name: 'people.csv', size: 0 }, ok)).toMatch(/empty/);
    expect(fileProblem({ name: 'people.csv', size: 9_000_000 }, ok)).toMatch(/5 MB/);
    expect(fileProblem({ name: 'people.csv', size: 10 }, summariseCsv('email,name\nx,y'))).toMatch(/Missing: orgUnitPath/);
    expect(fileProblem({ name: 'people.csv', size: 10 }, summariseCsv(`${HEADER}\n`))).toMatch(/no people/);
  });
  it('pluralises', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(3, 'person', 'people')).toBe('3 people');
  });
});
