#!/usr/bin/env bash
# Set up (scripts/setup.sh) and run the test suite; tests marked slow (whole-corpus OCR, the
# pdfplumber engine on 78 pages, multi-worker ingest) run only with --runslow; then the docs site is
# built with warnings as errors, the compiled parser is built and checked (scripts/check_compiled.sh)
# and the parser's speed is compared with a fixed workload (benchmarks/regression.py).
#   bash scripts/test.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
export OMP_THREAD_LIMIT=1
ruff check vbdieuhanh tests scripts benchmarks setup.py
mypy vbdieuhanh
python -m pytest -q -n 2 "$@"
# the compiled build (setup.py): a wheel of its own, its records checked against the source tree's
bash scripts/check_compiled.sh
# the docs site, warnings as errors (broken links and anchors included); written to a temporary folder
site="$(mktemp -d)"
NO_MKDOCS_2_WARNING=1 mkdocs build --strict --quiet --site-dir "$site"
rm -rf "$site"
# speed: the parser against a fixed workload run beside it; fails on a regression over 30 %
python benchmarks/regression.py
