// /metrics through the real app: refused without the scrape token, and once traffic has
// flowed it shows HTTP latency by route and GraphQL latency and errors by operation and code.
import { createTenant, signIn } from '../../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

const TOKEN = 'metrics-scrape-token-0123456789';
let api: TestApp;
let metricsUrl: string;

beforeAll(async () => {
  api = await startTestApp('metrics', { METRICS_TOKEN: TOKEN });
  metricsUrl = api.url.replace(/\/graphql$/, '/metrics');
  await createTenant(api.prisma, { slug: 'acme', people: [{ email: 'hr@acme.test', roles: ['EMPLOYEE', 'HR_LEADER'] }] });
}, 60_000);

afterAll(() => api?.close());

const scrape = (authorization?: string) => fetch(metricsUrl, { headers: authorization ? { authorization } : {} });

it('is not served to anyone without the scrape token', async () => {
  expect((await scrape()).status).toBe(401);
  expect((await scrape('Bearer wrong-token-wrong-token-00')).status).toBe(401);
  expect((await scrape(TOKEN)).status).toBe(401);
});

it('records HTTP latency by route and GraphQL latency and errors by operation and code', async () => {
  const { token } = await signIn(api, 'hr@acme.test');
  expect((await api.gql('{ viewer { email } }', {}, { token })).errors).toBeUndefined();
  expect((await api.gql('{ viewer { email } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect((await api.gql('{ viewer { nope } }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  await fetch(`${api.url}/../no/such/path/12345`);

  const response = await scrape(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/plain/);
  const body = await response.text();
  if (process.env.TEST_LOGS) console.log(body);
  const sample = (name: string, labels: string) => {
    const line = body.split('\n').find((l) => l.startsWith(`${name}{`) && labels.split(',').every((label) => l.includes(label)));
    return line === undefined ? undefined : Number(line.split(' ').at(-1));
  };
  expect(sample('pulsewise_http_request_duration_seconds_count', 'method="POST",route="/graphql",status_code="200"')).toBeGreaterThanOrEqual(3);
  expect(sample('pulsewise_http_request_duration_seconds_count', 'route="unmatched",status_code="404"')).toBe(1);
  expect(body).not.toContain('12345');
  expect(sample('pulsewise_graphql_operation_duration_seconds_count', 'operation="mutation.signIn",outcome="ok"')).toBe(1);
  expect(sample('pulsewise_graphql_operation_duration_seconds_count', 'operation="query.viewer",outcome="ok"')).toBe(1);
  expect(sample('pulsewise_graphql_operation_duration_seconds_count', 'operation="query.viewer",outcome="error"')).toBe(1);
  expect(sample('pulsewise_graphql_errors_total', 'operation="query.viewer",code="UNAUTHENTICATED"')).toBe(1);
  expect(sample('pulsewise_graphql_errors_total', 'operation="unknown",code="GRAPHQL_VALIDATION_FAILED"')).toBe(1);
  expect(body).toMatch(/^process_cpu_user_seconds_total\{service="api"\} /m);
});
