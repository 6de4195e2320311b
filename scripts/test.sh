#!/usr/bin/env bash
# Runs every test: unit tests, integration tests against a real Open Liberty, PostgreSQL, Redis and stripe-mock,
# browser tests in headless Chromium, the offline checks of the OpenShift manifests, then every
# load scenario at the small profile through Taurus, failing on any missed threshold. Installs and starts
# PostgreSQL and Redis, and installs Chromium for the browser tests, first if needed. Needs port 9080 free.
#   --no-load   skip the load scenarios (the quick inner loop)
set -euo pipefail
cd "$(dirname "$0")/.."

load=true
if [ "${1:-}" = "--no-load" ]; then
  load=false
  shift
fi

./scripts/services.sh
# shellcheck source=lib/local-secrets.sh
. scripts/lib/local-secrets.sh
./scripts/install-browser.sh
mvn -B verify "$@"
# The app image's build context, with the script the OpenShift pipeline's build stage runs (mvn verify has checked
# its content against the Containerfile; this proves the script itself works).
./scripts/image-context.sh >/dev/null
if $load; then
  ./scripts/loadtest.sh
fi
