import { jestConfig } from '../../jest.preset.mjs';
// Two workers: the two property-test files are the slow ones and run side by side.
export default jestConfig(import.meta.dirname, { maxWorkers: 2 });
