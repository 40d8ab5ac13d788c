// One Jest run over every backend workspace, so `npm test` runs their files in
// parallel and prints one summary. Each workspace also runs alone with `npm test -w`.
export default {
  projects: ['<rootDir>/packages/privacy', '<rootDir>/packages/db', '<rootDir>/packages/jobs', '<rootDir>/apps/api', '<rootDir>/apps/worker'],
};
