#!/usr/bin/env bash
# Builds what the load tests need, from registries only: the JMeter home (jmeter/target/jmeter-home, from Maven
# Central, with our samplers) and Taurus (bzt, from PyPI) in the project's virtualenv .venv/.
# Afterwards: .venv/bin/bzt taurus/voting.yml (or `source .venv/bin/activate` and use `bzt`).
set -euo pipefail
cd "$(dirname "$0")/.."

BZT_VERSION=${BZT_VERSION:-1.17.2}

echo "[loadtest-setup] building the JMeter home"
mvn -B -q -pl jmeter package -DskipTests

if ! .venv/bin/bzt --version >/dev/null 2>&1; then
  echo "[loadtest-setup] installing Taurus $BZT_VERSION into .venv"
  python3 -m venv .venv
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q "bzt==$BZT_VERSION"
fi
echo "[loadtest-setup] ready: jmeter/bin/jmeter and .venv/bin/bzt"
