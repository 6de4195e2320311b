#!/usr/bin/env bash
# Runs load scenarios through Taurus against an app that is already up, and exits non-zero if any scenario misses
# a threshold. This is the one command both CI (scripts/loadtest.sh) and the OpenShift pipeline's load-test stage
# (openshift/pipeline/tasks.yaml) run, so a threshold means the same in both.
#
#   scripts/run-scenarios.sh [--full] [--host HOST] [--port PORT] [--results DIR] [--warm-up] [--prove-thresholds]
#                            SCENARIO... [-- BZT-OPTIONS...]
#
#   --full      the full-scale defaults of each taurus/<scenario>.yml (default: the small profile, taurus/small.yml)
#   --results   keep each scenario's artifacts in DIR/<scenario> (default: taurus/results/<timestamp>)
#   --warm-up   first, 30 s of unmeasured voting: a fresh JVM answers its first minute 20-50 times slower while the
#               JIT compiles (docs/performance-benchmarks.md)
#   --prove-thresholds  last, a run with a threshold no server can meet: it must fail, or the criteria are not applied
#   after --     more options for every bzt call, e.g. one load generator's share of a distributed run:
#                -- -o scenarios.voting.properties.ROOMS=125
set -euo pipefail
cd "$(dirname "$0")/.."

profile=(taurus/small.yml)
host=127.0.0.1
port=9080
results=""
warm_up=false
prove=false
scenarios=()
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --full) profile=(); shift ;;
    --host) host=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    --warm-up) warm_up=true; shift ;;
    --prove-thresholds) prove=true; shift ;;
    --) shift; extra=("$@"); break ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) scenarios+=("$1"); shift ;;
  esac
done
if [ ${#scenarios[@]} -eq 0 ]; then
  echo "usage: $0 [--full] [--host HOST] [--port PORT] [--results DIR] [--warm-up] [--prove-thresholds]" \
    "SCENARIO... [-- BZT-OPTIONS...]" >&2
  exit 2
fi
# The checkout's .venv locally; on PATH in the load-generator image (jmeter/Containerfile).
bzt=.venv/bin/bzt
[ -x "$bzt" ] || bzt=bzt

target=(-o "modules.jmeter.properties.HOST=$host" -o "modules.jmeter.properties.PORT=$port")
if $warm_up; then
  ./scripts/warm-up.sh taurus/small.yml "${target[@]}" -o scenarios.voting.properties.DURATION=30
fi

failed=()
for scenario in "${scenarios[@]}"; do
  options=("${target[@]}")
  [ -n "$results" ] && options+=(-o "settings.artifacts-dir=$results/$scenario")
  echo "[scenarios] $scenario against $host:$port"
  if "$bzt" -q "taurus/$scenario.yml" "${profile[@]}" "${options[@]}" "${extra[@]}"; then
    echo "[scenarios] $scenario: thresholds met"
  else
    echo "[scenarios] $scenario: FAILED (exit $?)"
    failed+=("$scenario")
  fi
done

if $prove; then
  echo "[scenarios] checking that a threshold that cannot be met fails the run"
  set +e
  "$bzt" -q taurus/voting.yml taurus/small.yml taurus/checks/impossible-threshold.yml "${target[@]}" \
    -o scenarios.voting.properties.DURATION=15
  bite=$?
  set -e
  if [ "$bite" -eq 0 ]; then
    echo "[scenarios] FAILED: an impossible threshold passed; pass/fail criteria are not applied"
    failed+=("threshold-check")
  else
    echo "[scenarios] the impossible threshold failed the run as it should (bzt exit $bite)"
  fi
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "[scenarios] failed: ${failed[*]}"
  exit 1
fi
echo "[scenarios] ${#scenarios[@]} passed, 0 failed"
