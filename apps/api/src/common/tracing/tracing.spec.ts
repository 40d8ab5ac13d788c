import { tracingEnabled } from './tracing.js';

it('is off by default and turned on by configuration', () => {
  expect(tracingEnabled({})).toBe(false);
  expect(tracingEnabled({ PULSEWISE_TRACING: 'true' })).toBe(true);
  expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
  expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', PULSEWISE_TRACING: 'false' })).toBe(false);
});
