#!/usr/bin/env bash
# Set up (scripts/setup.sh) and run the test suite; tests marked slow (whole-corpus OCR, the
# pdfplumber engine on 78 pages, multi-worker ingest) run only with --runslow.
#   bash scripts/test.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
export OMP_THREAD_LIMIT=1
ruff check vbdieuhanh tests scripts benchmarks
mypy vbdieuhanh
python -m pytest -q -n 2 "$@"
# speed: the parser against a fixed workload run beside it; fails on a regression over 30 %
python benchmarks/regression.py
