// The deployment manifests checked against the code they deploy: docker-compose.yml, the Helm chart in
// infra/helm/pulsewise and the Dockerfiles in infra/docker. No Docker or Helm is needed (neither runs on
// these machines): the files are parsed, and what they must agree on is read from the source —
//   - which settings each process reads (packages/config + the process's own code): every one whose
//     default only fits a developer machine (127.0.0.1, localhost, "loopback", dev-only secrets) must be
//     set for that process, and the resulting environment must pass loadConfig in production;
//   - which paths the API serves to the outside (its controllers and mounts): nginx and the Ingress must
//     route every one of them to the API, and none of the internal ones (/health, /metrics);
//   - the health endpoints the probes call, and the migration runner the jobs run.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '@pulsewise/config';
import { parse } from 'yaml';
import { MIGRATIONS_DIR } from './migrate.js';

const ROOT = path.resolve(MIGRATIONS_DIR, '../..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
const CHART = 'infra/helm/pulsewise';
const MIGRATE_COMMAND = 'packages/db/dist/migrate.cli.js';

type Env = Record<string, string>;

function sourceFiles(dir: string, skip: RegExp): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, entry);
    if (skip.test(rel)) continue;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel, skip));
    else if (rel.endsWith('.ts')) out.push(rel);
  }
  return out;
}

const NOT_RUNTIME = /\.(spec|integration-spec)\.ts$|test-support|\/testing\/|generated|write-schema\.ts$/;
/** The code each deployed process runs (what decides which settings it reads). */
const PROCESS_SOURCES: Record<'api' | 'worker' | 'migrate', string[]> = {
  api: sourceFiles('apps/api/src', NOT_RUNTIME),
  worker: sourceFiles('apps/worker/src', NOT_RUNTIME),
  migrate: ['packages/db/src/migrate.cli.ts'],
};

const DEFAULTS = loadConfig({}) as Record<string, unknown>;
/** Settings whose default is only right on a developer machine. */
const LOCAL_ONLY = Object.keys(DEFAULTS).filter((key) => /127\.0\.0\.1|localhost|loopback|dev-only/.test(String(DEFAULTS[key])));

function requiredFor(process: keyof typeof PROCESS_SOURCES): string[] {
  const code = PROCESS_SOURCES[process].map(read).join('\n');
  return LOCAL_ONLY.filter((key) => new RegExp(`\\b${key}\\b`).test(code));
}

function expectDeployable(where: string, process: keyof typeof PROCESS_SOURCES, env: Env) {
  expect({ where, NODE_ENV: env.NODE_ENV }).toEqual({ where, NODE_ENV: 'production' });
  for (const key of requiredFor(process)) {
    expect({ where, key, set: key in env }).toEqual({ where, key, set: true });
    expect({ where, key, leftAtDefault: env[key] === String(DEFAULTS[key]) }).toEqual({ where, key, leftAtDefault: false });
  }
  expect(() => loadConfig(env)).not.toThrow();
}

/** Public path prefixes the API serves (controllers and express mounts), minus the internal ones. */
function apiPublicPrefixes(): { public: string[]; internal: string[] } {
  const prefixes = new Set<string>(['graphql']);
  for (const file of PROCESS_SOURCES.api) {
    for (const m of read(file).matchAll(/@Controller\(\s*'([^']+)'/g)) prefixes.add(m[1]!.replace(/^\//, '').split('/')[0]!);
  }
  for (const m of read('apps/api/src/bootstrap-app.ts').matchAll(/app\.use\(\s*(\[[^\]]*\]|'[^']*')/g)) {
    for (const p of m[1]!.matchAll(/'\/([^'/]+)/g)) prefixes.add(p[1]!);
  }
  const internal = ['health', 'metrics'];
  for (const p of internal) expect(prefixes.has(p)).toBe(true);
  return { public: [...prefixes].filter((p) => !internal.includes(p)).sort(), internal };
}

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, any> };
  /** Compose interpolation with no .env file: ${VAR:-default} → default, ${VAR} → "". */
  const interpolate = (value: unknown) => String(value).replace(/\$\{([A-Z0-9_]+)(?::?-([^}]*))?\}/g, (_, _name, fallback) => fallback ?? '');
  const envOf = (service: string): Env =>
    Object.fromEntries(Object.entries(compose.services[service].environment ?? {}).filter(([key]) => key !== '<<').map(([key, value]) => [key, interpolate(value)]));

  it('still starts only PostgreSQL and Redis by default, Redis with fsync-always AOF', () => {
    const defaults = Object.entries(compose.services).filter(([, s]) => !s.profiles).map(([name]) => name);
    expect(defaults.sort()).toEqual(['postgres', 'redis']);
    expect(compose.services.redis.command).toEqual(['redis-server', '--appendonly', 'yes', '--appendfsync', 'always']);
    expect(read('docker-compose.yml')).toContain('append-only file, fsync on every write');
  });

  it('runs the whole stack from the infra/docker images in the "app" profile', () => {
    for (const name of ['migrate', 'api', 'worker', 'web', 'mailpit']) expect({ name, profiles: compose.services[name]?.profiles }).toEqual({ name, profiles: ['app'] });
    for (const [name, service] of Object.entries(compose.services)) {
      if (!service.build) continue;
      expect({ name, dockerfile: existsSync(path.join(ROOT, service.build.dockerfile)) }).toEqual({ name, dockerfile: true });
      expect(service.build.dockerfile).toMatch(/^infra\/docker\//);
    }
    expect(compose.services.migrate.command).toEqual(['node', MIGRATE_COMMAND]);
    for (const name of ['api', 'worker']) expect(compose.services[name].depends_on.migrate).toEqual({ condition: 'service_completed_successfully' });
    expect(compose.services.web.environment.API_UPSTREAM).toBe(`api:${envOf('api').API_PORT ?? DEFAULTS.API_PORT}`);
  });

  it('gives migrate, api and worker every setting they read that has a developer-machine default', () => {
    expectDeployable('compose migrate', 'migrate', envOf('migrate'));
    expectDeployable('compose api', 'api', envOf('api'));
    expectDeployable('compose worker', 'worker', envOf('worker'));
    // The application connects as the non-owner role, so row-level security applies to it.
    for (const name of ['api', 'worker']) expect(new URL(envOf(name).DATABASE_URL!).username).toBe('pulsewise_app');
    expect(new URL(envOf('migrate').DATABASE_ADMIN_URL!).username).toBe('pulsewise_owner');
  });
});

describe(`Helm chart (${CHART})`, () => {
  const values = parse(read(`${CHART}/values.yaml`)) as Record<string, any>;
  const chart = parse(read(`${CHART}/Chart.yaml`)) as Record<string, any>;
  const templateDir = `${CHART}/templates`;
  const templates = Object.fromEntries(readdirSync(path.join(ROOT, templateDir)).map((f) => [f, read(`${templateDir}/${f}`)]));
  const lookup = (dotted: string): unknown => dotted.split('.').reduce<any>((v, k) => (v == null ? undefined : v[k]), values);
  const SECRET_PLACEHOLDER = 'value-from-the-secret-0123456789abcdef';

  /** The environment a workload's container gets: ConfigMap, its own env map, Secret keys and literal entries. */
  function workloadEnv(template: string, component: 'api' | 'worker' | 'migrations'): Env {
    const text = templates[template]!;
    const env: Env = {};
    if (text.includes('configMapRef')) Object.assign(env, Object.fromEntries(Object.entries(values.config).map(([k, v]) => [k, String(v)])));
    if (text.includes(`pulsewise.extraEnv" .Values.${component}.env`)) Object.assign(env, Object.fromEntries(Object.entries(values[component].env ?? {}).map(([k, v]) => [k, String(v)])));
    if (text.includes(`.Values.secrets.keys.${component}`)) for (const key of values.secrets.keys[component] as string[]) env[key] = SECRET_PLACEHOLDER;
    if (/"metrics" true/.test(text) && values.metrics.enabled) env.METRICS_TOKEN = SECRET_PLACEHOLDER;
    for (const m of text.matchAll(/- name: ([A-Z][A-Z0-9_]*)\n\s*value: (.+)/g)) {
      const raw = m[2]!.trim();
      const ref = /^\{\{\s*\.Values\.([\w.]+)\s*(\|\s*quote\s*)?\}\}$/.exec(raw);
      env[m[1]!] = ref ? String(lookup(ref[1]!)) : raw.replace(/^"(.*)"$/, '$1');
    }
    return env;
  }

  it('parses: Chart.yaml and values.yaml', () => {
    expect(chart).toMatchObject({ apiVersion: 'v2', name: 'pulsewise' });
    expect(values.secrets.existingSecret).toBe('');
    expect(Object.values(values.config).every((v) => typeof v === 'string')).toBe(true);
  });

  it('references only values that exist in values.yaml', () => {
    const missing: string[] = [];
    for (const [file, text] of Object.entries(templates)) {
      for (const m of text.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) if (lookup(m[1]!.slice(1)) === undefined) missing.push(`${file}: .Values${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('gives api, worker and the migration job every setting they read that has a developer-machine default', () => {
    expectDeployable('helm api', 'api', workloadEnv('api-deployment.yaml', 'api'));
    expectDeployable('helm worker', 'worker', workloadEnv('worker-deployment.yaml', 'worker'));
    expectDeployable('helm migrations', 'migrate', workloadEnv('migrations-job.yaml', 'migrations'));
    // Secrets come from the Secret only: nothing secret-looking sits in the ConfigMap.
    expect(Object.keys(values.config).filter((k) => /SECRET|TOKEN|PASSWORD|_KEY$|DATABASE_URL|ADMIN_URL|REDIS_URL|SMTP_URL/.test(k))).toEqual([]);
  });

  it('probes the API on its real health endpoints', () => {
    const health = read('apps/api/src/modules/health/health.controller.ts');
    const base = /@Controller\('([^']+)'\)/.exec(health)![1];
    const routes = [...health.matchAll(/@Get\('([^']+)'\)/g)].map((m) => `/${base}/${m[1]}`);
    expect(routes.sort()).toEqual(['/health/live', '/health/ready']);
    const api = templates['api-deployment.yaml']!;
    expect(/livenessProbe:\s*\n\s*httpGet:\s*\n\s*path: (\S+)/.exec(api)?.[1]).toBe('/health/live');
    expect(/readinessProbe:\s*\n\s*httpGet:\s*\n\s*path: (\S+)/.exec(api)?.[1]).toBe('/health/ready');
  });

  it('migrates in a pre-install/pre-upgrade hook Job with the real runner', () => {
    const job = templates['migrations-job.yaml']!;
    expect(job).toContain('kind: Job');
    expect(job).toMatch(/"helm\.sh\/hook": pre-install,pre-upgrade/);
    expect(job).toContain(`["node", "${MIGRATE_COMMAND}"]`);
    expect(existsSync(path.join(ROOT, MIGRATE_COMMAND.replace('/dist/', '/src/').replace(/\.js$/, '.ts')))).toBe(true);
  });

  it('scales api and worker independently, with requests, limits and a non-root read-only container', () => {
    for (const f of ['api-deployment.yaml', 'worker-deployment.yaml', 'web-deployment.yaml', 'api-hpa.yaml', 'worker-hpa.yaml', 'api-pdb.yaml']) expect(templates[f]).toBeDefined();
    expect(templates['api-hpa.yaml']).toContain('name: {{ include "pulsewise.fullname" . }}-api');
    expect(templates['worker-hpa.yaml']).toContain('name: {{ include "pulsewise.fullname" . }}-worker');
    for (const c of ['api', 'worker', 'web', 'migrations']) {
      expect({ c, requests: Boolean(values[c].resources?.requests?.cpu && values[c].resources?.requests?.memory), limit: Boolean(values[c].resources?.limits?.memory) }).toEqual({ c, requests: true, limit: true });
    }
    expect(values.podSecurityContext.runAsNonRoot).toBe(true);
    expect(values.containerSecurityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
  });
});

describe('routing to the API (nginx in the web image, Helm Ingress)', () => {
  const { public: publicPrefixes, internal } = apiPublicPrefixes();
  const nginx = read('infra/docker/nginx/default.conf.template');
  const proxied = /location ~ \^\/\(([a-z|]+)\)/.exec(nginx)![1]!.split('|').sort();
  const ingress = read(`${CHART}/templates/ingress.yaml`);
  const ingressPaths = [.../\{\{- range list ((?:"[^"]+"\s*)+)\}\}/.exec(ingress)![1]!.matchAll(/"\/([^"]+)"/g)].map((m) => m[1]!).sort();

  it('sends every public API path to the API, and no internal one', () => {
    expect(publicPrefixes).toEqual(expect.arrayContaining(['api', 'graphql', 'ops']));
    expect(proxied).toEqual(publicPrefixes);
    expect(ingressPaths).toEqual(publicPrefixes);
    for (const p of internal) expect(proxied).not.toContain(p);
  });

  it('covers what the Vite dev server proxies', () => {
    const vite = read('apps/web/vite.config.ts');
    const devProxied = [...vite.matchAll(/'\/([a-z]+)':\s*\{\s*target/g)].map((m) => m[1]!);
    expect(devProxied.length).toBeGreaterThan(0);
    for (const p of devProxied) expect(proxied).toContain(p);
  });
});

describe('infra/docker', () => {
  const dockerfiles = { api: 'infra/docker/api.Dockerfile', worker: 'infra/docker/worker.Dockerfile', web: 'infra/docker/web.Dockerfile' };

  it.each(Object.entries(dockerfiles))('%s: multi-stage, npm install (not ci), non-root, health-checked, no secret baked in', (_name, file) => {
    const text = read(file);
    const stages = text.split(/^FROM /m).slice(1);
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const runtime = stages[stages.length - 1]!;
    const user = [...runtime.matchAll(/^USER (\S+)/gm)].map((m) => m[1]!).at(-1);
    expect(user).toBeDefined();
    expect(user!.split(':')[0]).toMatch(/^[1-9]\d*$/); // numeric and not 0, so runAsNonRoot can verify it
    expect(runtime).toMatch(/^HEALTHCHECK /m);
    expect(text).not.toMatch(/^RUN\b[^\n]*\bnpm ci\b/m);
    expect(text).toMatch(/^RUN\b[^\n]*\bnpm install\b/m);
    expect(text).toMatch(/turbo (run build|prune)/);
    expect(text).not.toMatch(/^(ENV|ARG)\s+[^\n]*(SECRET|TOKEN|PASSWORD|_KEY)\w*\s*=/m);
    const ignore = read(`${file}.dockerignore`);
    for (const pattern of ['**/node_modules', '.env', '.git']) expect(ignore.split('\n')).toContain(pattern);
  });

  it('ships the migrations and the health check the manifests rely on', () => {
    const api = read(dockerfiles.api);
    expect(api).toContain('COPY --from=build /app/prisma/migrations/ prisma/migrations/');
    expect(api).toContain('COPY --from=build /app/packages/db/dist/ packages/db/dist/');
    for (const file of [dockerfiles.api, dockerfiles.worker]) expect(read(file)).toContain('COPY infra/docker/healthcheck.mjs /app/healthcheck.mjs');
    expect(read(`${CHART}/templates/worker-deployment.yaml`)).toContain('["node", "/app/healthcheck.mjs", "worker"]');
  });
});
