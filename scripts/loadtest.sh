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

# A freshly started JVM answers its first minute of joins 20-50 times slower while the JIT compiles
# (docs/performance-benchmarks.md): warm the server up, unmeasured, before the gated runs.
./scripts/warm-up.sh taurus/small.yml -o scenarios.voting.properties.DURATION=30

failed=()
# The same command the OpenShift pipeline's load-test stage runs.
if ! ./scripts/run-scenarios.sh "${full[@]}" "${scenarios[@]}"; then
  failed+=("scenarios")
fi

echo "[loadtest] checking that a threshold that cannot be met fails the run"
set +e
.venv/bin/bzt -q taurus/voting.yml taurus/small.yml taurus/checks/impossible-threshold.yml \
  -o scenarios.voting.properties.DURATION=15
bite=$?
set -e
if [ "$bite" -eq 0 ]; then
  echo "[loadtest] FAILED: an impossible threshold passed; pass/fail criteria are not applied"
  failed+=("threshold-check")
else
  echo "[loadtest] the impossible threshold failed the run as it should (bzt exit $bite)"
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "[loadtest] failed: ${failed[*]}"
  exit 1
fi
echo "[loadtest] every scenario met its thresholds, and the impossible threshold failed"
