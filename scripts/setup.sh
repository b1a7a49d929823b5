#!/usr/bin/env bash
# Create .venv (Python 3.11+) and install kgbuild with its test extra, editable; install
# Debian's headless Chromium and its driver when missing (the site's browser tests drive
# /usr/bin/chromium through /usr/bin/chromedriver, so Selenium never downloads a browser).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver \
      || echo "setup.sh: could not install chromium; the browser tests will be skipped" >&2
  else
    echo "setup.sh: no apt-get; install chromium and chromedriver for the browser tests" >&2
  fi
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
