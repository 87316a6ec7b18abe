# Sourced by setup.sh and demo.sh: make .venv if it is missing, then activate it.
# The interpreter: $PYTHON if set, else the system's CPython when it is 3.11 or newer (distributions
# build theirs with profile-guided and link-time optimisation: the parser runs 1.04-1.15x faster on
# Debian's than on a source build without them, pyenv's default; docs/benchmarks.md), else python3.
if [ ! -x .venv/bin/python ]; then
  if [ -z "${PYTHON:-}" ]; then
    PYTHON=python3
    if /usr/bin/python3 -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      PYTHON=/usr/bin/python3
    fi
  fi
  echo "== creating .venv with $PYTHON ($("$PYTHON" -c 'import sys; print(sys.version.split()[0])'))"
  "$PYTHON" -m venv .venv
fi
. .venv/bin/activate
