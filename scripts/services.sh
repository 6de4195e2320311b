#!/usr/bin/env bash
# Installs (from Debian's packages, if absent) and starts PostgreSQL and Redis on loopback, and creates the
# database and role the app uses by default. Safe to run again: everything is skipped when already done.
#
#   scripts/services.sh                  install if needed, start both
#   scripts/services.sh stop-redis       stop Redis, dropping everything it held (the fault tests use this)
#   scripts/services.sh stop-postgresql  stop PostgreSQL (fast shutdown; data stays)
set -euo pipefail

DB_NAME=${DB_NAME:-scrumpoker}
DB_USER=${DB_USER:-scrumpoker}
# Local development default, documented in the README; never used outside this machine.
DB_PASSWORD=${DB_PASSWORD:-scrumpoker}
REDIS_PORT=${REDIS_PORT:-6379}

log() { printf '[services] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

install_missing() {
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} from Debian's packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
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

postgresql_version() {
  ls /etc/postgresql | sort -V | tail -n 1
}

case "${1:-start}" in
  start)
    install_missing
    start_postgresql
    start_redis
    log "PostgreSQL and Redis are up on loopback"
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
  *)
    echo "usage: $0 [start|stop-redis|stop-postgresql]" >&2
    exit 2
    ;;
esac
