#!/usr/bin/env bash
# Recreates the throw-away database scrumpoker_explain, applies the Flyway migrations in version order, loads
# realistic volumes (seed.sql) and prints EXPLAIN (ANALYZE, BUFFERS) of the application's hot queries (queries.sql)
# to stdout. Never touches the application's own database (scrumpoker), which tests may be using.
#
# Prerequisite: ./scripts/services.sh (PostgreSQL on 127.0.0.1:5432 and the scrumpoker role).
# Usage:        db/explain/run.sh > /tmp/explain.txt
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MIGRATIONS=$(cd "$HERE/../migration" && pwd)
EXPLAIN_DB=${EXPLAIN_DB:-scrumpoker_explain}
DB_USER=${DB_USER:-scrumpoker}

if [ "$EXPLAIN_DB" = "${DB_NAME:-scrumpoker}" ] || [ "$EXPLAIN_DB" = scrumpoker ]; then
  echo "refusing to recreate $EXPLAIN_DB: it is the application's database" >&2
  exit 2
fi

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

# Over the local socket as postgres, then SET ROLE: objects belong to the application role, as under Flyway.
psql_db() {
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -d "$EXPLAIN_DB" -c "SET ROLE $DB_USER" "$@"
}

log() { printf '[explain] %s\n' "$*" >&2; }

log "recreating database $EXPLAIN_DB (owner $DB_USER)"
as_postgres psql -X -q -v ON_ERROR_STOP=1 -d postgres \
  -c "DROP DATABASE IF EXISTS $EXPLAIN_DB WITH (FORCE)" \
  -c "CREATE DATABASE $EXPLAIN_DB OWNER $DB_USER"

# Flyway order: by the version in V<version>__<description>.sql, compared numerically part by part. The seed
# describes a database of the core schema (V1); the later migrations then run over it as they would in
# production (V2 copies the revealed rounds into the partitioned history), and seed-audit.sql adds an audit trail.
mapfile -t migrations < <(cd "$MIGRATIONS" && ls V*__*.sql | sort -t_ -k1,1V)
for migration in "${migrations[@]}"; do
  log "applying $migration"
  # psql runs as postgres, which may not be able to read a clone under a private home: feed it on stdin.
  start=$(date +%s)
  psql_db -f - < "$MIGRATIONS/$migration" >/dev/null
  log "applied in $(( $(date +%s) - start ))s"
  if [ "$migration" = V1__core_schema.sql ]; then
    log "seeding (a minute or less)"
    start=$(date +%s)
    psql_db -f - < "$HERE/seed.sql" >/dev/null
    log "seeded in $(( $(date +%s) - start ))s"
  fi
done
log "seeding the audit log"
psql_db -f - < "$HERE/seed-audit.sql" >/dev/null

log "explaining the hot queries"
psql_db -f - < "$HERE/queries.sql"
