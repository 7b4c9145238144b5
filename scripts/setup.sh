#!/usr/bin/env bash
# Installs what the suite runs on: Debian's RabbitMQ, Redis, PostgreSQL, a development SMTP server and
# Chromium (browser tests). Safe to run again: it installs only what is missing.
set -euo pipefail

source "$(dirname "$0")/lib/apt.sh"
install_missing rabbitmq-server redis-server postgresql python3-aiosmtpd chromium

# The packages may start system-wide instances on install; the suite runs its own on free ports, so stop
# those to keep their memory and default ports free. (Asking rabbitmq-server's init script for its status
# would itself leave an epmd daemon behind, so RabbitMQ is looked for by process instead.)
for service in redis-server postgresql; do
  if command -v service >/dev/null && service "$service" status >/dev/null 2>&1; then
    service "$service" stop >/dev/null 2>&1 || true
  fi
done
if pgrep -u rabbitmq -f 'rabbit boot' >/dev/null 2>&1; then
  service rabbitmq-server stop >/dev/null 2>&1 || true
  pkill -u rabbitmq -x epmd >/dev/null 2>&1 || true
fi

# The OpenAPI linter the tests run over every service's document (docs/openapi, npm ci of its lock file).
command -v npm >/dev/null || install_missing nodejs npm
"$(dirname "$0")/../docs/openapi/install.sh"
