export { createTestDatabase, type SeededTemplate, type TestDatabase } from './test-database.js';
