import { validateDirectoryCsv } from './directory-csv.js';

const HEADER = 'email,name,orgUnitPath,managerEmail,location,startDate,timezone,roles';

describe('validateDirectoryCsv', () => {
  it('accepts a clean file, normalising emails, paths and roles', () => {
    const csv = [HEADER, 'Boss@Acme.test,Bea Boss, Engineering / Platform ,,Berlin,2020-01-31,Europe/Berlin,manager;hr_leader', 'dev@acme.test,Dev,Engineering/Platform,boss@acme.test,,,,'].join('\n');
    const { rows, errors } = validateDirectoryCsv(csv, []);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ row: 2, email: 'boss@acme.test', orgUnitPath: 'Engineering/Platform', roles: ['EMPLOYEE', 'MANAGER', 'HR_LEADER'] });
    expect(rows[1]).toMatchObject({ row: 3, managerEmail: 'boss@acme.test', timeZone: 'UTC', roles: ['EMPLOYEE'] });
  });

  it('reports every problem by row and column, and returns no rows to write', () => {
    const csv = [
      HEADER,
      ',No Email,Sales,,,,,', // 2 missing email
      'a@x.test,A,Sales,ghost@x.test,,,,', // 3 unknown manager
      'b@x.test,B,Sales,c@x.test,,,,', // 4 cycle b → c → b
      'c@x.test,C,Sales,b@x.test,,,,', // 5 cycle c → b → c
      'd@x.test,D,Sales,,,2021-02-30,,', // 6 bad date
      'a@x.test,A again,Sales,,,,,', // 7 duplicate email
      'e@x.test,E,Sales,,,,Mars/Olympus,', // 8 bad time zone
      'f@x.test,F,Sales//Team,,,,,PLATFORM_ADMIN', // 9 bad path + role
    ].join('\n');
    const { rows, errors } = validateDirectoryCsv(csv, []);
    expect(rows).toEqual([]);
    const byRow = errors.map((e) => [e.row, e.column]);
    expect(byRow).toEqual([
      [2, 'email'],
      [3, 'managerEmail'],
      [4, 'managerEmail'],
      [5, 'managerEmail'],
      [6, 'startDate'],
      [7, 'email'],
      [8, 'timezone'],
      [9, 'orgUnitPath'],
      [9, 'roles'],
    ]);
    expect(errors.find((e) => e.row === 4)?.message).toMatch(/cycle: b@x.test → c@x.test → b@x.test/);
  });

  it('resolves managers and cycles through people already in the directory', () => {
    const existing = [{ email: 'ceo@x.test', managerEmail: null }, { email: 'vp@x.test', managerEmail: 'ceo@x.test' }];
    const ok = validateDirectoryCsv([HEADER, 'n@x.test,N,Sales,vp@x.test,,,,'].join('\n'), existing);
    expect(ok.errors).toEqual([]);
    // The file makes the CEO report to a new person who reports to the VP: a cycle through existing rows.
    const cyclic = validateDirectoryCsv([HEADER, 'ceo@x.test,CEO,Board,n@x.test,,,,', 'n@x.test,N,Sales,vp@x.test,,,,'].join('\n'), existing);
    expect(cyclic.errors.map((e) => e.row)).toEqual([2, 3]);
  });

  it('rejects missing and unknown columns at the header', () => {
    const { errors } = validateDirectoryCsv('email,name,team\na@x.test,A,Sales', []);
    expect(errors).toEqual([
      { row: 1, column: 'orgUnitPath', message: 'Missing required column "orgUnitPath"' },
      expect.objectContaining({ row: 1, column: 'team' }),
    ]);
  });

  it('reports malformed CSV instead of throwing', () => {
    const { errors } = validateDirectoryCsv(`${HEADER}\n"unterminated,x`, []);
    expect(errors[0]?.message).toMatch(/not valid CSV/);
  });
});
