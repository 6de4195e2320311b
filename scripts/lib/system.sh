# shellcheck shell=bash
# What the scripts that set up and drive this machine share: root, Debian packages, waiting for a node to be ready,
# and finding a running Liberty server of this checkout. Sourced, never run.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {  # packages...: installed from Debian's packages, quietly
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

wait_ready() {  # HTTP port, seconds: until the node on that port answers /health/ready with UP; fails when it never does
  local port=$1 seconds=$2
  for _ in $(seq 1 "$seconds"); do
    curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null
}

refuse_taken_port() {  # port, what to say: fails when something already listens there, since it would answer the
  # readiness check for a server that could not bind (another checkout's server, say)
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "something else already listens on port $1 ($2); stop it or choose another port" >&2
    return 1
  fi
}

liberty_pid() {  # server name: the process of that running server, from the pid file Liberty keeps while it runs
  local pid_file
  pid_file="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/liberty-app/target/liberty/wlp/usr/servers/.pid/$1.pid"
  if [ ! -s "$pid_file" ] || ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "Liberty server $1 is not running (no live pid in $pid_file)" >&2
    return 1
  fi
  cat "$pid_file"
}
