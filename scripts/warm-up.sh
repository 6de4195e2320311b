#!/usr/bin/env bash
# Warms a freshly started server up with unmeasured load, so that load tests measure the server and not the JIT:
# on this 2-core machine a cold JVM answers its first minute of joins 20-50 times slower while it compiles
# (docs/performance-benchmarks.md, "Cold start"). Needs ./scripts/loadtest-setup.sh and a running app.
#   ./scripts/warm-up.sh                  200 rooms for 60 s (before full-scale runs), then the REST API for 40 s
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
# Rounds of unmeasured load until the JIT has caught up: the last 10 s of a round answer votes within half the
# 200 ms threshold. One round is enough on a quick host; a slower one (or one busy with a build that just ended)
# can need more. Three rounds at most: a server that is still slow then is slow, and the scenarios will say so.
echo "[warm-up] unmeasured load, to let the JIT compile the hot paths"
for round in 1 2 3; do
  rm -rf taurus/results/warm-up
  "$bzt" -q taurus/voting.yml taurus/benchmark.yml "${options[@]}" \
    -o settings.artifacts-dir=taurus/results/warm-up >/dev/null 2>&1 || true
  p95=$(jmeter/bin/jtl-stats taurus/results/warm-up/kpi.jtl --tail-p95 ws.vote_ack 2>/dev/null || echo -1)
  echo "[warm-up] round $round: vote acknowledged within ${p95} ms (p95 of its last 10 s)"
  if [ "$p95" -ge 0 ] && [ "$p95" -le 100 ]; then
    break
  fi
done
# The rooms' load compiles the WebSocket path, not REST's (JAX-RS, JPA, the transaction interceptors): an api run
# right after reached only 772 of its 1,000 requests/s while C2 compiled them (docs/performance-benchmarks.md, "api").
# Only with the default rounds: options given are for the voting plan.
if [ $# -eq 0 ]; then
  rm -rf taurus/results/warm-up
  "$bzt" -q taurus/api.yml -o scenarios.api.properties.RAMP_UP=10 -o scenarios.api.properties.DURATION=40 \
    -o settings.artifacts-dir=taurus/results/warm-up >/dev/null 2>&1 || true
  echo "[warm-up] REST: $(jmeter/bin/jtl-stats taurus/results/warm-up/kpi.jtl 2>/dev/null | awk 'NR > 1 {n += $2} END {print n + 0}') requests"
fi
echo "[warm-up] done"
