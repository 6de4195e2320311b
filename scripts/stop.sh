#!/usr/bin/env bash
# Stops the Liberty server started by ./scripts/run.sh (PostgreSQL and Redis keep running).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl liberty-app liberty:stop
