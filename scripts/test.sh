#!/usr/bin/env bash
# Runs every test: unit tests, then integration tests against a real Open Liberty, PostgreSQL and Redis.
# Installs and starts PostgreSQL and Redis first if needed. Needs port 9080 free.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/services.sh
mvn -B verify "$@"
