#!/usr/bin/env bash
# Measures the voting scenario against the local cluster (./scripts/cluster.sh start), through its balancer, for
# docs/performance-benchmarks.md: an unmeasured warm-up at full size (two cold JVMs on two shared cores need it),
# then the measured run. Prints the Taurus verdict, per-sample percentiles (whole run and after the ramp-up), the
# average CPU of each process, and each node's cross-node delivery time and room-state cache counts.
#   ./scripts/benchmark-cluster.sh [rooms] [extra bzt -o options...]
set -euo pipefail
cd "$(dirname "$0")/.."

rooms=${1:-500}
shift || true
balancer=${BALANCER_PORT:-8080}
out=taurus/results/benchmarks/cluster-$rooms-$(date +%H%M%S)
mkdir -p "$out"
run() {  # name, extra options
  local name=$1
  shift
  .venv/bin/bzt -q taurus/voting.yml taurus/benchmark.yml -o modules.jmeter.properties.PORT="$balancer" \
    -o "scenarios.voting.properties.ROOMS=$rooms" -o "settings.artifacts-dir=$out/$name" "$@"
}

echo "[benchmark] warming the cluster up with $rooms rooms (not measured)"
run warm-up -o scenarios.voting.properties.DURATION=120 "$@" >/dev/null 2>&1 || true

echo "[benchmark] voting with $rooms rooms through the balancer on :$balancer"
top -b -d 5 -w 250 > "$out/top.txt" &
top_pid=$!
set +e
run measured "$@"
verdict=$?
set -e
kill "$top_pid" 2>/dev/null || true
{
  echo "rooms=$rooms verdict=$([ $verdict -eq 0 ] && echo PASS || echo "FAIL($verdict)")"
  awk '/^top -/ {n++}
       $12 == "java" || $12 == "postgres" || $12 == "redis-server" || $12 == "haproxy" {
         key = $12 == "java" ? "java pid " $1 : $12; c[key] += $9 }
       END {for (k in c) printf "cpu %s %.0f%%\n", k, c[k] / (n > 1 ? n : 1)}' "$out/top.txt" | sort
  echo "whole run:"
  jmeter/bin/jtl-stats "$out/measured/kpi.jtl"
  echo "after the ramp-up (from 90 s on):"
  jmeter/bin/jtl-stats "$out/measured/kpi.jtl" --from 90
  for port in $(grep -o 'server node[0-9]* 127.0.0.1:[0-9]*' liberty-app/target/cluster/haproxy.cfg | cut -d: -f2); do
    echo "node :$port"
    curl -s "http://127.0.0.1:$port/metrics" \
      | grep -E '^scrumpoker_room_state_cache_total|^scrumpoker_room_events_received_total|^scrumpoker_room_event_delivery_seconds\{.*quantile="0\.(5|95|99)"' || true
  done
} | tee "$out/summary.txt"
