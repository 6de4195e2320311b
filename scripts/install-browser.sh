#!/usr/bin/env bash
# Installs Chromium and its WebDriver from Debian's packages, if absent: the web UI's end-to-end tests drive them.
# Nothing else may download a browser (no Selenium Manager downloads, no Playwright browsers).
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "[browser] installing chromium and chromium-driver from Debian's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
echo "[browser] $(chromium --version 2>/dev/null) with $(chromedriver --version | cut -d' ' -f1-2)"
