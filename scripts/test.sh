#!/usr/bin/env bash
# Set up (if needed), lint, and run the whole test suite (the tests start their own
# Oxigraph server from the oxigraph package when they need one).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check src tests
.venv/bin/python -m pytest -q "$@"
