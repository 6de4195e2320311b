#!/usr/bin/env bash
# Measures a voting scenario against the local cluster (./scripts/cluster.sh start), through its balancer, for
# docs/performance-benchmarks.md: an unmeasured warm-up (two cold JVMs on two shared cores need it), then the
# measured run. Prints the Taurus verdict, per-sample percentiles, the average CPU of each process, each node's
# CPU-seconds, and each node's meters of rooms, messages between nodes and the journal.
#   ./scripts/benchmark-cluster.sh [rooms] [extra bzt -o options...]
#   SCENARIO=voting-fast ./scripts/benchmark-cluster.sh 500          (default SCENARIO=voting)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/measuring.sh
. scripts/lib/measuring.sh

scenario=${SCENARIO:-voting}
rooms=${1:-500}
shift || true
balancer=${BALANCER_PORT:-8080}
out=taurus/results/benchmarks/cluster-$scenario-$rooms-$(date +%H%M%S)
mkdir -p "$out"
run() {  # name, extra options
  local name=$1
  shift
  .venv/bin/bzt -q "taurus/$scenario.yml" taurus/benchmark.yml -o modules.jmeter.properties.PORT="$balancer" \
    -o "scenarios.$scenario.properties.ROOMS=$rooms" -o "settings.artifacts-dir=$out/$name" "$@"
}
nodes() {  # pid and port of every running node, from the pid files Liberty keeps
  local file pid
  for file in liberty-app/target/liberty/wlp/usr/servers/.pid/*.pid; do
    [ -e "$file" ] || continue
    pid=$(liberty_pid "$(basename "$file" .pid)" 2>/dev/null) || continue
    echo "$pid $(tr '\0' '\n' < "/proc/$pid/environ" | sed -n 's/^HTTP_PORT=//p')"
  done
}

echo "[benchmark] warming the cluster up with $rooms rooms for 150 s (not measured: two JVMs compiling on two cores)"
run warm-up -o "scenarios.$scenario.properties.DURATION=150" "$@" >/dev/null 2>&1 || true

echo "[benchmark] $scenario with $rooms rooms through the balancer on :$balancer"
declare -A before
while read -r pid port; do before[$pid]=$(cpu_seconds "$pid"); done < <(nodes)
top_pid=$(sample_cpu "$out/top.txt")
set +e
run measured "$@"
verdict=$?
set -e
kill "$top_pid" 2>/dev/null || true
votes=$(committed_votes "$out/measured/kpi.jtl")
{
  echo "rooms=$rooms verdict=$([ $verdict -eq 0 ] && echo PASS || echo "FAIL($verdict)") (taurus/benchmark.yml's thresholds) committed votes=$votes"
  awk '/^top -/ {n++}
       $12 == "java" || $12 == "postgres" || $12 == "redis-server" || $12 == "haproxy" {
         key = $12 == "java" ? "java pid " $1 : $12; c[key] += $9 }
       END {for (k in c) printf "cpu %s %.0f%%\n", k, c[k] / (n > 1 ? n : 1)}' "$out/top.txt" | sort
  jmeter/bin/jtl-stats "$out/measured/kpi.jtl"
  while read -r pid port; do
    echo "node :$port (pid $pid) cpu-seconds=$(awk -v a="$(cpu_seconds "$pid")" -v b="${before[$pid]}" 'BEGIN {printf "%.1f", a - b}')"
    scrape_metrics "$pid" | grep -E '^(scrumpoker_(rooms_owned|rooms_active|node_messages_total|room_resyncs_total|tickets_expired_total|journal_commit_seconds\{.*0\.(5|99)")|connectionpool_queuedRequests_total)' || true
  done < <(nodes)
  grep -c "CWWKE1200W\|hung" "liberty-app/target/liberty/wlp/usr/servers/"*"/logs/messages.log" 2>/dev/null \
    | sed 's/^/hung-thread warnings /' || true
} | tee "$out/summary.txt"
