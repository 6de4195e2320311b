#!/usr/bin/env bash
# Runs Scrum Poker on this machine: installs and starts PostgreSQL and Redis if needed, builds the WAR, starts
# Open Liberty and prints the URL. Stays in the foreground following the server log; Ctrl-C stops the server.
#   --detach   return once the server is ready (stop it later with ./scripts/stop.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

detach=false
[ "${1:-}" = "--detach" ] && detach=true

port=${HTTP_PORT:-9080}
server_dir=liberty-app/target/liberty/wlp/usr/servers/scrumPoker

./scripts/services.sh
# shellcheck source=lib/local-secrets.sh
. scripts/lib/local-secrets.sh
# shellcheck source=lib/system.sh
. scripts/lib/system.sh
# Rebuilding under a running server confuses its loose application (paths answer 404): stop it first.
mvn -B -q -pl liberty-app liberty:stop >/dev/null 2>&1 || true
refuse_taken_port "$port" "another Scrum Poker? its ./scripts/stop.sh, or set HTTP_PORT" || exit 1
echo "[run] building and starting Open Liberty (the first run downloads the runtime from Maven Central)"
mvn -B -q -pl liberty-app package -DskipTests
mvn -B -q -pl liberty-app liberty:create liberty:deploy liberty:start -Dliberty.clean=true

wait_ready "$port" 120 || {
  echo "[run] the server started but is not ready; see $server_dir/logs/messages.log" >&2
  exit 1
}

cat <<MSG

  Scrum Poker is running at http://localhost:$port/
    REST API      http://localhost:$port/api/v1   (OpenAPI: http://localhost:$port/openapi)
    Rooms         ws://localhost:$port/ws/room/{roomId}?token=<JWT>
    Health        http://localhost:$port/health/ready
    Metrics       https://localhost:${HTTPS_PORT:-9443}/metrics   (user $METRICS_USER; password in $secrets_file)

MSG

if $detach; then
  echo "[run] stop it with ./scripts/stop.sh"
  exit 0
fi
trap './scripts/stop.sh' INT TERM
echo "[run] following the server log; Ctrl-C stops the server"
tail -n 0 -F "$server_dir/logs/messages.log" &
wait $!
