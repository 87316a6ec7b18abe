#!/usr/bin/env bash
# Set up (scripts/setup.sh) and run the main job on the bundled samples: parse them, load them into
# the embedded archive (vbdieuhanh.db, SQLite) and show the follow-up of a national directive.
#   bash scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
echo "== parse: samples/laichau_UBND-VX_2021-03.txt"
vbdieuhanh parse samples/laichau_UBND-VX_2021-03.txt --format table
