#!/usr/bin/env bash
# Set up vbdieuhanh on a fresh machine: OS tools (when apt-get and root are available), a virtual
# environment in .venv, and the package with its extras. Safe to run again; it skips what is done.
#   bash scripts/setup.sh            # library, archive, test and docs extras
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui poppler-utils
              fonts-dejavu-core fonts-liberation2 chromium postgresql)

missing=()
command -v tesseract >/dev/null || missing+=(tesseract-ocr tesseract-ocr-vie)
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v chromium >/dev/null || missing+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation2)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "== installing OS packages: ${APT_PACKAGES[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
  else
    echo "== note: OS packages missing (${missing[*]}); tests that need them will be skipped."
    echo "   install them with: sudo apt-get install ${APT_PACKAGES[*]}"
  fi
fi

. scripts/venv.sh
python -m pip install -q --upgrade pip
echo "== installing vbdieuhanh with its extras"
python -m pip install -q -e ".[nlp,archive,postgres,dask,test,docs]"
