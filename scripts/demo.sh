#!/usr/bin/env bash
# Set up (scripts/setup.sh) and run the main job on the bundled samples: parse them, load them into
# the embedded archive (vbdieuhanh.db, an SQLite file: no server to start) and show the follow-up of
# the national directive the provincial letters implement.
#   bash scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
export OMP_THREAD_LIMIT=1

echo
echo "== 1. parse one letter into a record (as a table; --format json gives the full record)"
vbdieuhanh parse samples/kiengiang_114-BCD-KGVX_2021.txt --format table

echo
echo "== 2. ingest every sample (text, PDF, scanned PDF through OCR, DOCX) into vbdieuhanh.db"
rm -f vbdieuhanh.db
vbdieuhanh ingest samples --db vbdieuhanh.db

echo
echo "== 3. follow-up of the national directive 29/CV-BCĐQG: who acted on it, when, what is open"
vbdieuhanh followup 29/CV-BCĐQG --db vbdieuhanh.db --html followup-29.html
echo "   (the same report as a web page: followup-29.html)"

echo
echo "== 4. follow-up of Kiên Giang's own letter 114/BCĐ-KGVX: its tasks, who must act, what is still open"
vbdieuhanh followup 114/BCĐ-KGVX --db vbdieuhanh.db

echo
echo "== 5. what the archive holds"
vbdieuhanh stats --db vbdieuhanh.db
