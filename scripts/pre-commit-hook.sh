#!/usr/bin/env bash
# The pre-commit hook's entry (see .pre-commit-hooks.yaml): the staged files arrive as arguments.
# DEPLOYLINT_BIN picks a binary; else a deploylint on PATH; else this revision's npm release.
set -euo pipefail
if [ -n "${DEPLOYLINT_BIN:-}" ]; then exec "$DEPLOYLINT_BIN" "$@"; fi
if command -v deploylint >/dev/null 2>&1; then exec deploylint "$@"; fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$(node -p 'require(process.argv[1]).version' "$here/package.json")"
exec npx --yes "deploylint@$version" "$@"
