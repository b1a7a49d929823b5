#!/usr/bin/env bash
# Set up (if needed), lint, and run the whole test suite (the tests start their own
# Oxigraph server from the oxigraph package when they need one).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Debian's headless Chromium and its driver, when missing: the site's browser tests drive
# /usr/bin/chromium through /usr/bin/chromedriver, so Selenium never downloads a browser.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver \
      || echo "test.sh: could not install chromium; the browser tests will be skipped" >&2
  else
    echo "test.sh: no apt-get; install chromium and chromedriver for the browser tests" >&2
  fi
fi
.venv/bin/ruff check src tests
.venv/bin/python -m pytest -q "$@"
