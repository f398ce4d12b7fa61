# syntax=docker/dockerfile:1
# The Digihelpers image: one build that runs as web, worker or both (PROCESS_ROLE), see
# docs/deployment.md. Build: docker build -t digihelpers .
# Run against PostgreSQL: docker run -e DATABASE_URL=… -e SMTP_URL=… -e APP_URL=… -p 3000:3000 digihelpers

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The Remix build needs the dev dependencies; the running server does not.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    TZ=UTC \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
# server/index.ts runs through tsx and imports app/, db/ and emails/ directly (jobs, migrations,
# mail templates); the pages come from build/.
COPY --from=build --chown=node:node /app/package.json /app/tsconfig.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/build ./build
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/server ./server
COPY --from=build --chown=node:node /app/app ./app
COPY --from=build --chown=node:node /app/db ./db
COPY --from=build --chown=node:node /app/emails ./emails
# The demo world's seed (db/seed.ts) builds its rows with the factories the tests share.
COPY --from=build --chown=node:node /app/tests/factories ./tests/factories
# Only used without DATABASE_URL (the embedded demo database and its mailbox).
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node_modules/.bin/tsx", "server/index.ts"]
