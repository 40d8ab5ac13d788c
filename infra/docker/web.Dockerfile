# syntax=docker/dockerfile:1.7
# Pulsewise web: the static Vite build served by nginx (unprivileged image: uid 101, port 8080),
# which also proxies /graphql, /api, /scim and /ops to the API (infra/docker/nginx/default.conf.template).
#
# Build from the repository root (the context must be the monorepo):
#   docker build -f infra/docker/web.Dockerfile -t pulsewise-web .
# Run: API_UPSTREAM=<api host>:<port> (default api:4000, the docker compose service).
#
# The bundle holds no configuration at all: the browser talks to /graphql on its own origin.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.27-alpine
ARG TURBO_VERSION=2.11.11

FROM ${NODE_IMAGE} AS prune
ARG TURBO_VERSION
ENV TURBO_TELEMETRY_DISABLED=1
WORKDIR /repo
RUN npm install --global --no-audit --no-fund "turbo@${TURBO_VERSION}"
COPY . .
# @pulsewise/db rides along only for `pg`: the web build type-checks its e2e helpers, and one of them
# (e2e/support/database.ts) imports pg, which apps/web/package.json does not declare — in the monorepo it
# resolves through npm's hoisting of @pulsewise/db's dependencies. Nothing of db reaches the image.
RUN turbo prune @pulsewise/web @pulsewise/db --docker --out-dir /out

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=prune /out/json/ ./
# `npm install`, not `npm ci`: the lockfile cannot list turbo's binaries for every platform (see STACK.md).
RUN npm install --no-audit --no-fund --ignore-scripts

FROM deps AS build
ENV TURBO_TELEMETRY_DISABLED=1
COPY --from=prune /out/full/ ./
COPY tsconfig.base.json ./
# Type-check, vite build and the initial-JS budget check (apps/web/package.json "build").
RUN npx turbo run build --filter=@pulsewise/web --output-logs=errors-only

FROM ${NGINX_IMAGE} AS runtime
# Only our server block: the image's default site is replaced, the template is rendered at start.
USER root
RUN rm -f /etc/nginx/conf.d/default.conf
COPY infra/docker/nginx/default.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /app/apps/web/dist/ /usr/share/nginx/html/
# The build manifest is for the budget check only.
RUN rm -rf /usr/share/nginx/html/.vite && chown -R 101:101 /etc/nginx/conf.d
USER 101
ENV API_UPSTREAM=api:4000
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
