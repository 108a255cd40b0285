# deploylint for CI systems without Node:
#   docker build -t deploylint .
#   docker run --rm -v "$PWD:/src" deploylint . --format sarif -o deploylint.sarif
# The build stage needs the dev dependencies (esbuild); the image holds only the bundles.
FROM node:20-alpine AS build
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY scripts/ scripts/
COPY server/ server/
COPY client/ client/
COPY schemas/ schemas/
COPY tsconfig.base.json tsconfig.json ./
RUN node scripts/build.mjs --production --quiet

FROM node:20-alpine
LABEL org.opencontainers.image.title="deploylint" \
      org.opencontainers.image.description="Finds security mistakes in docker-compose files, nginx configs and .env files" \
      org.opencontainers.image.source="https://github.com/deploylint/deploylint" \
      org.opencontainers.image.licenses="MIT"
COPY --from=build /build/dist/cli.js /build/dist/zxcvbn-dictionaries.js /opt/deploylint/dist/
COPY --from=build /build/package.json /opt/deploylint/
# The node image's unprivileged user: a linter needs to read, not to own, the mounted files.
USER node
WORKDIR /src
ENTRYPOINT ["node", "/opt/deploylint/dist/cli.js"]
CMD ["."]
