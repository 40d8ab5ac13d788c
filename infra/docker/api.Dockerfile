# syntax=docker/dockerfile:1.7
# Pulsewise API — and the migration runner, which the migrate job/service runs from this image:
#   node packages/db/dist/migrate.cli.js
#
# Build from the repository root (the context must be the monorepo):
#   docker build -f infra/docker/api.Dockerfile -t pulsewise-api .
#
# Stages: prune (turbo prune: only the api and the workspaces it depends on) → deps (full install,
# cached until a package.json or the lockfile changes) → build (turbo: prisma generate + tsc) →
# prod-deps (production dependencies only) → runtime (node, dist, migrations; non-root, no npm).
# No secret is baked in: every setting comes from the environment at run time (packages/config).

ARG NODE_IMAGE=node:20-bookworm-slim
ARG TURBO_VERSION=2.11.11

FROM ${NODE_IMAGE} AS prune
ARG TURBO_VERSION
ENV TURBO_TELEMETRY_DISABLED=1
WORKDIR /repo
RUN npm install --global --no-audit --no-fund "turbo@${TURBO_VERSION}"
COPY . .
RUN turbo prune @pulsewise/api --docker --out-dir /out

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=prune /out/json/ ./
# `npm install`, not `npm ci`: the lockfile cannot list turbo's binaries for every platform (see STACK.md).
# Install scripts are not needed: every native piece (argon2, swc, turbo) ships prebuilt per platform.
RUN npm install --no-audit --no-fund --ignore-scripts

FROM deps AS build
ENV TURBO_TELEMETRY_DISABLED=1 PRISMA_SCHEMA_ENGINE_BINARY=/bin/false CHECKPOINT_DISABLE=1
COPY --from=prune /out/full/ ./
# Root files turbo prune does not carry: the shared tsconfig and the Prisma schema + migrations.
COPY tsconfig.base.json prisma.config.ts ./
COPY prisma/ ./prisma/
RUN npx turbo run build --filter=@pulsewise/api... --output-logs=errors-only

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY --from=prune /out/json/ ./
# Dropping the devDependencies first matters: @prisma/client names the prisma CLI as an optional peer, and
# npm keeps a package that is both a dev dependency and an optional peer even with --omit=dev (~250 MB of
# CLI, studio and embedded engines). Without the dev entries the optional peer is simply not installed;
# every other version still comes from the lockfile.
RUN npm pkg delete devDependencies --workspaces --include-workspace-root \
 && npm install --omit=dev --no-audit --no-fund --ignore-scripts

FROM ${NODE_IMAGE} AS runtime
# The image's package managers are not needed to run, and are not left for anyone to use.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /usr/local/bin/yarn /usr/local/bin/yarnpkg /opt/yarn-*
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and read-only for the app user: the process cannot rewrite its own code.
COPY --from=prod-deps /app/ ./
COPY --from=build /app/packages/config/dist/ packages/config/dist/
COPY --from=build /app/packages/db/dist/ packages/db/dist/
COPY --from=build /app/packages/jobs/dist/ packages/jobs/dist/
COPY --from=build /app/packages/privacy/dist/ packages/privacy/dist/
COPY --from=build /app/apps/api/dist/ apps/api/dist/
COPY --from=build /app/prisma/migrations/ prisma/migrations/
COPY infra/docker/healthcheck.mjs /app/healthcheck.mjs
# The node image's unprivileged user, by number so that Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 4000
HEALTHCHECK --interval=30s --timeout=6s --start-period=30s --retries=3 CMD ["node", "/app/healthcheck.mjs", "api"]
# A larger young generation: fewer scavenges under load (bench/README.md, finding 3: submitPulse +3–6 %).
CMD ["node", "--max-semi-space-size=32", "apps/api/dist/main.js"]
