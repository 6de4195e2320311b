#!/usr/bin/env bash
# Measures the voting scenario at several scales against the running app (./scripts/run.sh --detach), for
# docs/performance-benchmarks.md. For each number of rooms: the Taurus verdict, per-sample percentiles, the
# average CPU of Liberty, JMeter and PostgreSQL over the run, and the app's heap, GC and DB pool afterwards.
#   ./scripts/benchmark.sh "50 100 200" [extra bzt -o options...]
set -euo pipefail
cd "$(dirname "$0")/.."

scales=${1:-"50 100 200 500"}
shift || true
port=${HTTP_PORT:-9080}
out=taurus/results/benchmarks
mkdir -p "$out"

cpu_split() {  # average %CPU per snapshot of Liberty (pid $1), other Java (JMeter), PostgreSQL and Redis
  awk -v lib="$1" '
    /^top -/ {n++}
    $1 == lib {l[n] += $9; next}
    $12 == "java" {j[n] += $9}
    $12 == "postgres" {p[n] += $9}
    $12 == "redis-server" {r[n] += $9}
    END {for (i = 2; i <= n; i++) {L += l[i]; J += j[i]; P += p[i]; R += r[i]}; k = n > 1 ? n - 1 : 1;
         printf "liberty=%.0f%% jmeter=%.0f%% postgresql=%.0f%% redis=%.0f%% (of 200%%, %d snapshots)", L/k, J/k, P/k, R/k, k}' "$2"
}

for rooms in $scales; do
  tag="voting-$rooms-$(date +%H%M%S)"
  echo "[benchmark] voting with $rooms rooms ($tag)"
  top -b -d 5 -w 250 > "$out/$tag.top" &
  top_pid=$!
  set +e
  .venv/bin/bzt -q taurus/voting.yml taurus/benchmark.yml -o "scenarios.voting.properties.ROOMS=$rooms" \
    -o "settings.artifacts-dir=$out/$tag" "$@"
  verdict=$?
  set -e
  kill "$top_pid" 2>/dev/null || true
  curl -s "http://127.0.0.1:$port/metrics" > "$out/$tag.metrics"
  {
    echo "rooms=$rooms verdict=$([ $verdict -eq 0 ] && echo PASS || echo "FAIL($verdict)")"
    echo "cpu $(cpu_split "$(pgrep -f 'ws-server.jar' | head -1)" "$out/$tag.top")"
    jmeter/bin/jtl-stats "$out/$tag/kpi.jtl"
    grep -E '^(memory_usedHeap_bytes|memory_maxHeap_bytes|gc_total|gc_time_seconds_total|scrumpoker_rooms_active|connectionpool_(managedConnections|queuedRequests_total|waitTime_total_seconds))' "$out/$tag.metrics" || true
  } | tee "$out/$tag.summary"
done
