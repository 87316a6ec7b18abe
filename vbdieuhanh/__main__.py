"""``python -m vbdieuhanh``: the same as the ``vbdieuhanh`` command."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
