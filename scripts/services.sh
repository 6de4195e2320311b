#!/usr/bin/env bash
# Installs (from Debian's packages, if absent) and starts PostgreSQL and Redis on loopback, and creates the
# database and role the app uses by default; installs (through the Go module proxy) and starts stripe-mock,
# Stripe's own mock of its API, which the app talks to unless STRIPE_API_BASE says otherwise. Safe to run again:
# everything is skipped when already done.
#
#   scripts/services.sh                   install if needed, start all three
#   scripts/services.sh stop-redis        stop Redis, dropping everything it held (the fault tests use this)
#   scripts/services.sh stop-postgresql   stop PostgreSQL (fast shutdown; data stays)
#   scripts/services.sh stop-stripe-mock  stop stripe-mock (the tests of Stripe being unreachable use this)
set -euo pipefail
# shellcheck source=lib/system.sh
. "$(dirname "$0")/lib/system.sh"

DB_NAME=${DB_NAME:-scrumpoker}
DB_USER=${DB_USER:-scrumpoker}
# Local development default, documented in the README; never used outside this machine.
DB_PASSWORD=${DB_PASSWORD:-scrumpoker}
REDIS_PORT=${REDIS_PORT:-6379}
STRIPE_MOCK_PORT=${STRIPE_MOCK_PORT:-12111}
# Pinned: the version whose bundled API description the tests were written against.
STRIPE_MOCK_VERSION=v0.203.0
TOOLS_DIR="$(cd "$(dirname "$0")/.." && pwd)/.tools"
STRIPE_MOCK="$TOOLS_DIR/bin/stripe-mock"

log() { printf '[services] %s\n' "$*"; }


as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

install_missing() {
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} from Debian's packages"
    apt_install "${missing[@]}"
  fi
}

start_postgresql() {
  local version
  version=$(postgresql_version)
  if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
    log "starting PostgreSQL $version on 127.0.0.1:5432"
    as_root pg_ctlcluster "$version" main start
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 0.5
  done
  as_postgres psql -q -v ON_ERROR_STOP=1 <<SQL >/dev/null
SELECT 'CREATE ROLE ${DB_USER} LOGIN PASSWORD ''${DB_PASSWORD}'''
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${DB_USER}')\gexec
SELECT 'CREATE DATABASE ${DB_NAME} OWNER ${DB_USER}'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${DB_NAME}')\gexec
SQL
}

start_redis() {
  if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    log "starting Redis on 127.0.0.1:$REDIS_PORT"
    as_root redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes \
      --appendonly yes --dir /var/lib/redis --logfile /var/log/redis/redis-server-scrumpoker.log
  fi
  for _ in $(seq 1 30); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.2
  done
}

install_stripe_mock() {
  [ -x "$STRIPE_MOCK" ] && return
  if ! command -v go >/dev/null 2>&1; then
    if [ -x /usr/local/go/bin/go ]; then
      PATH="$PATH:/usr/local/go/bin"
    else
      log "installing Go from Debian's packages"
      apt_install golang-go
    fi
  fi
  log "installing stripe-mock $STRIPE_MOCK_VERSION through the Go module proxy into .tools/bin"
  GOBIN="$TOOLS_DIR/bin" go install "github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION"
}

start_stripe_mock() {
  if ! curl -s -o /dev/null "http://127.0.0.1:$STRIPE_MOCK_PORT/" 2>/dev/null; then
    log "starting stripe-mock on 127.0.0.1:$STRIPE_MOCK_PORT"
    mkdir -p "$TOOLS_DIR/log"
    nohup "$STRIPE_MOCK" -http-addr "127.0.0.1:$STRIPE_MOCK_PORT" >"$TOOLS_DIR/log/stripe-mock.log" 2>&1 &
  fi
  for _ in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$STRIPE_MOCK_PORT/" && return
    sleep 0.2
  done
  log "stripe-mock did not start; see .tools/log/stripe-mock.log" >&2
  exit 1
}

postgresql_version() {
  ls /etc/postgresql | sort -V | tail -n 1
}

case "${1:-start}" in
  start)
    install_missing
    install_stripe_mock
    start_postgresql
    start_redis
    start_stripe_mock
    log "PostgreSQL, Redis and stripe-mock are up on loopback"
    ;;
  stop-redis)
    # FLUSHALL first: with the append-only file on, a restart would otherwise bring the data back.
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" flushall >/dev/null
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    log "Redis stopped; its data is gone"
    ;;
  stop-postgresql)
    as_root pg_ctlcluster "$(postgresql_version)" main stop -m fast
    log "PostgreSQL stopped"
    ;;
  stop-stripe-mock)
    # By its command line, not a pid file: whichever checkout started the one on this port, it is the one to stop.
    pkill -f "stripe-mock -http-addr 127.0.0.1:$STRIPE_MOCK_PORT" || true
    for _ in $(seq 1 50); do
      if ! curl -s -o /dev/null "http://127.0.0.1:$STRIPE_MOCK_PORT/"; then
        log "stripe-mock stopped"
        exit 0
      fi
      sleep 0.1
    done
    log "something still answers on 127.0.0.1:$STRIPE_MOCK_PORT; it is not a stripe-mock this script can stop" >&2
    exit 1
    ;;
  *)
    echo "usage: $0 [start|stop-redis|stop-postgresql|stop-stripe-mock]" >&2
    exit 2
    ;;
esac
