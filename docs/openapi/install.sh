#!/usr/bin/env bash
# Installs the OpenAPI linter (Redocly CLI, pinned in package-lock.json) into docs/openapi/node_modules. Safe to run
# again: it installs only when the packages are missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "install.sh: needs Node.js and npm (Debian: apt-get install nodejs npm)" >&2; exit 1; }
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
