// One Jest run over every backend workspace, so `npm test` runs their files in
// parallel and prints one summary. Each workspace also runs alone with `npm test -w`.
export default {
  // Global options are not read from the projects' configs: integration files start a database
  // clone, an API and sometimes a worker, which can take well over Jest's 5 s default on a busy machine.
  testTimeout: 30_000,
  projects: ['<rootDir>/packages/privacy', '<rootDir>/packages/db', '<rootDir>/packages/jobs', '<rootDir>/apps/api', '<rootDir>/apps/worker'],
};
