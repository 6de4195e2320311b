#!/usr/bin/env bash
# Warms a freshly started server up with unmeasured load, so that load tests measure the server and not the JIT:
# on this 2-core machine a cold JVM answers its first minute of joins 20-50 times slower while it compiles
# (docs/performance-benchmarks.md, "Cold start"). Needs ./scripts/loadtest-setup.sh and a running app.
#   ./scripts/warm-up.sh                  200 rooms for 60 s (before full-scale runs)
#   ./scripts/warm-up.sh [bzt options]    e.g. taurus/small.yml -o scenarios.voting.properties.DURATION=30
set -euo pipefail
cd "$(dirname "$0")/.."

options=("$@")
if [ ${#options[@]} -eq 0 ]; then
  options=(-o scenarios.voting.properties.ROOMS=200 -o scenarios.voting.properties.RAMP_UP=20
           -o scenarios.voting.properties.DURATION=60)
fi
# The checkout's .venv locally; on PATH in the load-generator image (jmeter/Containerfile).
bzt=.venv/bin/bzt
[ -x "$bzt" ] || bzt=bzt
echo "[warm-up] unmeasured load, to let the JIT compile the hot paths"
"$bzt" -q taurus/voting.yml taurus/benchmark.yml "${options[@]}" \
  -o settings.artifacts-dir=taurus/results/warm-up >/dev/null 2>&1 || true
echo "[warm-up] done"
