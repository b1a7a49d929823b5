#!/usr/bin/env bash
# Set up (if needed) and regenerate docs/ontology.html, the HTML documentation of
# ontology/kgbuild.ttl, with pyLODE (see scripts/ontology_docs.py). Commit the result:
# tests/test_ontology.py fails when it is not the page the ontology gives.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python scripts/ontology_docs.py "$@"
