#!/usr/bin/env bash
# Set up (if needed) and build the bundled corpus into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/kgbuild build "$@"
