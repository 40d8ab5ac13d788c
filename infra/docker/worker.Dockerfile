# syntax=docker/dockerfile:1.7
# Pulsewise worker (every BullMQ processor in one process).
#
# Build from the repository root (the context must be the monorepo):
#   docker build -f infra/docker/worker.Dockerfile -t pulsewise-worker .
#
# Same stages as api.Dockerfile: prune → deps → build (turbo) → prod-deps → runtime (non-root, no npm).
# No secret is baked in: every setting comes from the environment at run time (packages/config).

ARG NODE_IMAGE=node:20-bookworm-slim
ARG TURBO_VERSION=2.11.11

FROM ${NODE_IMAGE} AS prune
ARG TURBO_VERSION
ENV TURBO_TELEMETRY_DISABLED=1
WORKDIR /repo
RUN npm install --global --no-audit --no-fund "turbo@${TURBO_VERSION}"
COPY . .
RUN turbo prune @pulsewise/worker --docker --out-dir /out

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=prune /out/json/ ./
# `npm install`, not `npm ci`: the lockfile cannot list turbo's binaries for every platform (see STACK.md).
RUN npm install --no-audit --no-fund --ignore-scripts

FROM deps AS build
ENV TURBO_TELEMETRY_DISABLED=1 PRISMA_SCHEMA_ENGINE_BINARY=/bin/false CHECKPOINT_DISABLE=1
COPY --from=prune /out/full/ ./
COPY tsconfig.base.json prisma.config.ts ./
COPY prisma/ ./prisma/
RUN npx turbo run build --filter=@pulsewise/worker... --output-logs=errors-only

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
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /usr/local/bin/yarn /usr/local/bin/yarnpkg /opt/yarn-*
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /app/ ./
COPY --from=build /app/packages/config/dist/ packages/config/dist/
COPY --from=build /app/packages/db/dist/ packages/db/dist/
COPY --from=build /app/packages/jobs/dist/ packages/jobs/dist/
COPY --from=build /app/packages/privacy/dist/ packages/privacy/dist/
COPY --from=build /app/apps/worker/dist/ apps/worker/dist/
COPY infra/docker/healthcheck.mjs /app/healthcheck.mjs
USER 1000:1000
# Prometheus /metrics (served only when METRICS_TOKEN is set; bind WORKER_METRICS_HOST=0.0.0.0 in a container).
EXPOSE 9465
HEALTHCHECK --interval=30s --timeout=6s --start-period=30s --retries=3 CMD ["node", "/app/healthcheck.mjs", "worker"]
# A larger young generation: fewer scavenges in the privacy audit (bench/README.md, finding 1).
CMD ["node", "--max-semi-space-size=32", "apps/worker/dist/main.js"]
