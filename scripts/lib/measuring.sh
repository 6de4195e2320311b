# What the benchmark scripts measure alike; sourced by scripts/benchmark.sh and scripts/benchmark-cluster.sh.
# shellcheck source=local-secrets.sh
. "$(dirname "${BASH_SOURCE[0]}")/local-secrets.sh"
# shellcheck source=system.sh
. "$(dirname "${BASH_SOURCE[0]}")/system.sh"

sample_cpu() {  # file: starts writing top's snapshots of every process there, every 5 s; prints top's pid
  top -b -d 5 -w 250 > "$1" 2>/dev/null < /dev/null &
  echo $!
}

cpu_seconds() {  # user + system CPU time of a process so far, in seconds
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"
}

committed_votes() {  # the votes acknowledged in a kpi.jtl (successful ws.vote_ack samples)
  python3 -c 'import csv, sys; print(sum(1 for r in csv.DictReader(open(sys.argv[1]))
              if r["label"] == "ws.vote_ack" and r["success"] == "true"))' "$1"
}

scrape_metrics() {  # a node's /metrics (pid $1), on its HTTPS port as the metrics reader, as Prometheus does
  local https_port
  https_port=$(tr '\0' '\n' < "/proc/$1/environ" | sed -n 's/^HTTPS_PORT=//p')
  curl -sk -u "$METRICS_USER:$METRICS_PASSWORD" "https://127.0.0.1:${https_port:-9443}/metrics"
}
