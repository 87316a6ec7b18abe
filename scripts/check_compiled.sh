#!/usr/bin/env bash
# The compiled build (setup.py, mypyc): build a wheel, install it in a folder of its own and run the
# parser's tests from there, with the check that its records equal the source tree's, and ingest
# tests whose worker processes parse with it (their records cross processes by pickle). Run by
# scripts/test.sh after the main suite (which runs the editable, pure-Python install).
#   bash scripts/check_compiled.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
# the C compiler Python builds extensions with: without one the wheel is pure Python (setup.py), so
# there is nothing compiled to check
compiler="$(python -c 'import os, shutil, sysconfig
cc = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
print(shutil.which(cc) or "")')"
if [ -z "$compiler" ]; then
  echo "== no C compiler here: the package installs as pure Python, the compiled build is not checked"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "== building the compiled wheel"
python -m pip wheel -q --no-deps -w "$work/wheel" .
python -m pip install -q --no-deps --target "$work/site" "$work"/wheel/*.whl
echo "== the parser's tests on the compiled build"
# -P: the installed copy, not the source tree in the working folder (pytest puts only tests/ folders
# on the path; test_compiled.py fails if the parser is not the compiled one)
VBDIEUHANH_EXPECT_COMPILED=1 PYTHONPATH="$work/site" OMP_THREAD_LIMIT=1 python -P -m pytest -q -n 2 \
  -p no:cacheprovider \
  tests/test_compiled.py tests/extract tests/test_golden.py tests/test_api.py tests/test_casing.py \
  tests/test_normalize.py tests/test_prefilter.py tests/test_linear_time.py tests/test_vocab_overlay.py \
  tests/test_fuzz_parse_text.py tests/test_corpus_robustness.py \
  tests/archive/test_archive_ingest.py tests/archive/test_archive_taskfollow.py
