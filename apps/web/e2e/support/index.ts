export { checkA11y, type A11yOptions } from './a11y';
export { ARTIFACTS_DIR, screenshot } from './artifacts';
export { apiDownBaseUrl, apiUrl, assertApiReady, DEMO_PASSWORD, requiredEnv } from './backend';
export {
  BASE_URL,
  CHROMIUM_PATH,
  closeBrowser,
  closePage,
  launchBrowser,
  newPage,
  pageErrorsOf,
  VIEWPORTS,
  type ViewportName,
} from './browser';
export { databaseUrl, middayTimeZone, setWorkSchedule, withTenantDb, type WorkSchedule } from './database';
export { gqlError, stubGraphQL, type StubHandler, type StubReply } from './graphql-stub';
export { listMail, mailUrl, waitForMail, type Mail, type MailFilter } from './mail';
export { apiAccessToken, apiGraphQL, signInAs } from './session';
