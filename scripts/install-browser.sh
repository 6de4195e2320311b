#!/usr/bin/env bash
# Installs Chromium and its WebDriver from Debian's packages, if absent: the web UI's end-to-end tests drive them.
# Nothing else may download a browser (no Selenium Manager downloads, no Playwright browsers).
set -euo pipefail
# shellcheck source=lib/system.sh
. "$(dirname "$0")/lib/system.sh"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "[browser] installing chromium and chromium-driver from Debian's packages"
  apt_install chromium chromium-driver
fi
echo "[browser] $(chromium --version 2>/dev/null) with $(chromedriver --version | cut -d' ' -f1-2)"
