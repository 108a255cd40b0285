#!/usr/bin/env bash
# Installs code-server (VS Code in the browser, from the npm registry) outside the repository, so
# `npm run test:editor` can load the packaged extension into a real VS Code and drive it with
# playwright-core + Debian's chromium. Modelled on ../shared/tools/install-code-server.sh.
#
#   scripts/install-code-server.sh [DIR]   default DIR: $CODE_SERVER_DIR or $HOME/.cache/code-server-e2e
#   then: DIR/node_modules/.bin/code-server --version
#
# Why each step is here:
# - code-server 4.100.x is the last line that runs on Node 20 (newer ones want Node 22+).
# - Its postinstall builds VS Code's native modules with node-gyp: needs the -dev packages below.
# - @vscode/ripgrep downloads a binary from GitHub at install time, which may be unreachable;
#   it accepts a pre-filled download cache, so we feed it Debian's ripgrep.
# - code-server's postinstall refuses root without npm_config_unsafe_perm, and calls npx,
#   which must not prompt (npm_config_yes).
set -euo pipefail
DIR="${1:-${CODE_SERVER_DIR:-$HOME/.cache/code-server-e2e}}"
VERSION="${CODE_SERVER_VERSION:-4.100.3}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
DIR="$(realpath -m "$DIR")"
case "$DIR/" in "$REPO"/*) echo "refusing to install code-server inside the repository ($DIR)" >&2; exit 2;; esac
mkdir -p "$DIR"

if [ -x "$DIR/node_modules/.bin/code-server" ] && [ -d "$DIR/node_modules/code-server/lib/vscode/node_modules/node-pty/build" ]; then
  echo "code-server already installed in $DIR"; exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  need=""
  for p in build-essential pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev ripgrep chromium; do
    dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
  done
  if [ -n "$need" ]; then apt-get update -qq && apt-get install -y -qq $need >/dev/null; fi
fi
command -v rg >/dev/null || { echo "ripgrep (rg) is required" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$(command -v rg)" "$tmp/rg"
for tag in v13.0.0-10 v13.0.0-13 v13.0.0-4; do
  tar czf "$tmp/ripgrep-$tag-x86_64-unknown-linux-musl.tar.gz" -C "$tmp" rg
done
for pv in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14; do
  mkdir -p "${TMPDIR:-/tmp}/vscode-ripgrep-cache-$pv"
  cp "$tmp"/ripgrep-*.tar.gz "${TMPDIR:-/tmp}/vscode-ripgrep-cache-$pv/"
done
cd "$DIR"
[ -f package.json ] || echo '{"name":"code-server-e2e","private":true}' > package.json
npm_config_yes=true npm_config_unsafe_perm=true \
  npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION" playwright-core@1
"$DIR/node_modules/.bin/code-server" --version | head -1
