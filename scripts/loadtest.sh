#!/usr/bin/env bash
# Runs every load scenario through Taurus against a freshly started app, and fails if any threshold fails.
#   ./scripts/loadtest.sh            the small profile (taurus/small.yml), as CI runs it
#   ./scripts/loadtest.sh --full     the full-scale defaults of each taurus/*.yml
# Also proves the thresholds bite: an impossible threshold must make bzt exit non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

full=()
[ "${1:-}" = "--full" ] && full=(--full)
scenarios=(voting voting-backlog vote-storm api reconnect-storm checkout)

./scripts/loadtest-setup.sh
# The pipeline's load-generator image, built here from jmeter/Containerfile with buildah before the app starts
# (the Maven and apt steps inside want both cores); it loads the app at the end.
./scripts/loadtest-image.sh build
./scripts/run.sh --detach
trap './scripts/stop.sh >/dev/null 2>&1 || true' EXIT

# The same command the OpenShift pipeline's load-test stage runs: a warm-up, the scenarios, then proof that an
# impossible threshold fails the run. Any missed threshold makes it, and this script, exit non-zero.
./scripts/run-scenarios.sh --warm-up --prove-thresholds --rerun-failed "${full[@]}" "${scenarios[@]}"

# The pipeline's way in: REST over TLS and wss, trusting only the entry's CA, as through an OpenShift Route. Here
# the entry is Liberty's HTTPS port, whose certificate (its own, self-signed) stands in for the router CA.
ca=$(mktemp)
openssl s_client -connect 127.0.0.1:9443 -servername localhost -showcerts </dev/null 2>/dev/null \
  | awk '/BEGIN CERTIFICATE/,/END CERTIFICATE/' > "$ca"
./scripts/run-scenarios.sh --rerun-failed "${full[@]}" --url https://localhost:9443 --ca "$ca" voting api \
  -- -o scenarios.voting.properties.DURATION=30 -o scenarios.api.properties.DURATION=30

# The image the pipeline runs, doing its job: the voting scenario from inside it, gated like the rest.
./scripts/loadtest-image.sh run --prove-thresholds --rerun-failed "${full[@]}" voting
echo "[loadtest] every scenario met its thresholds (over plain HTTP, over TLS and from the load-generator image)," \
  "and the impossible threshold failed"
