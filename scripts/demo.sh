#!/usr/bin/env bash
# Run the main job on the bundled samples: parse them, load them into an archive of the demo's own
# (demo/demo.db, an SQLite file: no server to start) and show the follow-up of the national
# directive the provincial letters implement, then the review page of one letter.
#   bash scripts/demo.sh
# Installs only what the demo needs: a virtual environment in .venv with vbdieuhanh and its archive
# extra. No OS package is installed (the test set-up, scripts/setup.sh, does that): without
# Tesseract the scanned sample is reported as failed, the others go through. Your own archive
# (vbdieuhanh.db, $VBDH_DB) is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/venv.sh
python -m pip install -q -e ".[archive]"
export OMP_THREAD_LIMIT=1
command -v tesseract >/dev/null || echo "== note: no Tesseract (apt-get install tesseract-ocr tesseract-ocr-vie): the scanned sample will fail"

mkdir -p demo
DB=demo/demo.db
rm -f "$DB" "$DB-wal" "$DB-shm"   # the demo's own archive, made again on each run

echo
echo "== 1. parse one letter into a record (as a table; --format json gives the full record)"
vbdieuhanh parse samples/kiengiang_114-BCD-KGVX_2021.txt --format table

echo
echo "== 2. ingest every sample (text, PDF, scanned PDF through OCR, DOCX) into $DB"
vbdieuhanh ingest samples --db "$DB" || true

echo
echo "== 3. follow-up of the national directive 29/CV-BCĐQG: who acted on it, when, what is open"
vbdieuhanh followup 29/CV-BCĐQG --db "$DB" --html demo/followup-29.html
echo "   (the same report as a web page: demo/followup-29.html)"

echo
echo "== 4. follow-up of Kiên Giang's own letter 114/BCĐ-KGVX: its tasks, who must act, what is still open"
vbdieuhanh followup 114/BCĐ-KGVX --db "$DB"

echo
echo "== 5. what the archive holds"
vbdieuhanh stats --db "$DB"

echo
echo "== 6. the review page: every extracted value highlighted, fields to correct"
vbdieuhanh review samples/kiengiang_114-BCD-KGVX_2021.txt --html demo/review.html
echo "   open demo/review.html; corrections saved from it go back with: vbdieuhanh ingest samples --db $DB --corrections corrections.json"
