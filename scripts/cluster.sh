#!/usr/bin/env bash
# Runs Scrum Poker as several nodes on this machine behind a real load balancer (HAProxy, from Debian's packages):
# every node is the same WAR in its own Liberty server with its own ports, all sharing one PostgreSQL and one
# Redis. The balancer listens on 127.0.0.1:8080, upgrades WebSockets and takes nodes that are not ready out.
#
#   scripts/cluster.sh start [--nodes N] [--balance leastconn|room]   (default: 2 nodes, leastconn)
#   scripts/cluster.sh stop
#   scripts/cluster.sh kill N        SIGKILL node N (1-based), to watch its clients come back on the others
#
# leastconn spreads every room's participants over the nodes (so events really cross nodes); room sends all of a
# room's connections to one node (consistent hash of the /ws/room/{id} path), which keeps a room's traffic local.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/system.sh
. scripts/lib/system.sh

BALANCER_PORT=${BALANCER_PORT:-8080}
wlp=liberty-app/target/liberty/wlp
run_dir=liberty-app/target/cluster
names=(scrumPoker scrumPokerB scrumPokerC scrumPokerD)

log() { printf '[cluster] %s\n' "$*"; }


node_port() { echo $((9080 + $1)); }
node_https_port() { echo $((9443 + $1)); }

stop_all() {
  if [ -f "$run_dir/haproxy.pid" ]; then
    kill "$(cat "$run_dir/haproxy.pid")" 2>/dev/null || true
    rm -f "$run_dir/haproxy.pid"
  fi
  for name in "${names[@]}"; do
    if [ -d "$wlp/usr/servers/$name" ]; then
      "$wlp/bin/server" stop "$name" >/dev/null 2>&1 || true
    fi
  done
}

start_all() {
  local nodes=$1 balance=$2
  if [ "$nodes" -lt 1 ] || [ "$nodes" -gt ${#names[@]} ]; then
    echo "between 1 and ${#names[@]} nodes" >&2
    exit 2
  fi
  ./scripts/services.sh
  # shellcheck source=lib/local-secrets.sh
  . scripts/lib/local-secrets.sh
  if ! command -v haproxy >/dev/null 2>&1; then
    log "installing HAProxy from Debian's packages"
    apt_install haproxy
  fi
  stop_all
  for ((i = 0; i < nodes; i++)); do
    refuse_taken_port "$(node_port $i)" "wanted by node $((i + 1))" || exit 1
  done
  log "building the WAR and $nodes Liberty servers"
  mvn -B -q -pl liberty-app package -DskipTests
  for ((i = 0; i < nodes; i++)); do
    mvn -B -q -pl liberty-app liberty:create liberty:deploy -Dliberty.server.name="${names[$i]}"
  done
  for ((i = 0; i < nodes; i++)); do
    log "starting node $((i + 1)) (${names[$i]}) on 127.0.0.1:$(node_port $i)"
    HTTP_PORT=$(node_port $i) HTTPS_PORT=$(node_https_port $i) "$wlp/bin/server" start "${names[$i]}" --clean >/dev/null
  done
  for ((i = 0; i < nodes; i++)); do
    wait_ready "$(node_port $i)" 180 || {
      echo "node $((i + 1)) is not ready; see $wlp/usr/servers/${names[$i]}/logs/messages.log" >&2
      exit 1
    }
  done

  mkdir -p "$run_dir"
  {
    sed -e "s/\${BALANCER_PORT}/$BALANCER_PORT/" -e "s/\${MAXCONN}/$(( ($(ulimit -n) - 100) / 2 ))/" \
      scripts/cluster/haproxy.cfg
    case "$balance" in
      leastconn) echo "    balance leastconn" ;;
      room) echo "    balance uri"; echo "    hash-type consistent" ;;
      *) echo "--balance is leastconn or room" >&2; exit 2 ;;
    esac
    for ((i = 0; i < nodes; i++)); do
      echo "    server node$((i + 1)) 127.0.0.1:$(node_port $i) check"
    done
  } > "$run_dir/haproxy.cfg"
  haproxy -c -q -f "$run_dir/haproxy.cfg"
  haproxy -D -f "$run_dir/haproxy.cfg" -p "$run_dir/haproxy.pid"

  cat <<MSG

  Scrum Poker runs on $nodes nodes behind HAProxy ($balance) at http://localhost:$BALANCER_PORT/
    nodes         $(for ((i = 0; i < nodes; i++)); do printf 'http://127.0.0.1:%s ' "$(node_port $i)"; done)
    load test     .venv/bin/bzt taurus/voting.yml -o modules.jmeter.properties.PORT=$BALANCER_PORT
    stop          ./scripts/cluster.sh stop

MSG
}

case "${1:-}" in
  start)
    shift
    nodes=2
    balance=leastconn
    while [ $# -gt 0 ]; do
      case "$1" in
        --nodes) nodes=$2; shift 2 ;;
        --balance) balance=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
      esac
    done
    start_all "$nodes" "$balance"
    ;;
  stop)
    stop_all
    log "stopped the balancer and the nodes (PostgreSQL and Redis keep running)"
    ;;
  kill)
    name=${names[$(($2 - 1))]}
    kill -9 "$(cat "$wlp/usr/servers/.pid/$name.pid")"
    log "killed node $2 ($name) with SIGKILL"
    ;;
  *)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
