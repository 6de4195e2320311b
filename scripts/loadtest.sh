#!/usr/bin/env bash
# Runs every load scenario through Taurus against a freshly started app, and fails if any threshold fails.
#   ./scripts/loadtest.sh            the small profile (taurus/small.yml), as CI runs it
#   ./scripts/loadtest.sh --full     the full-scale defaults of each taurus/*.yml
# Also proves the thresholds bite: an impossible threshold must make bzt exit non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

full=()
[ "${1:-}" = "--full" ] && full=(--full)
scenarios=(voting vote-storm api reconnect-storm checkout)

./scripts/loadtest-setup.sh
./scripts/run.sh --detach
trap './scripts/stop.sh >/dev/null 2>&1 || true' EXIT

# The same command the OpenShift pipeline's load-test stage runs: a warm-up, the scenarios, then proof that an
# impossible threshold fails the run. Any missed threshold makes it, and this script, exit non-zero.
./scripts/run-scenarios.sh --warm-up --prove-thresholds "${full[@]}" "${scenarios[@]}"
echo "[loadtest] every scenario met its thresholds, and the impossible threshold failed"
