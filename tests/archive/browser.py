"""Headless Chromium for the tests that look at the HTML pages (the follow-up report, the review page)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None
)
NO_CHROMIUM = "no Chromium to open the HTML pages (apt-get install chromium)"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run Chromium on ``page`` with a fresh profile in ``profile`` and the extra ``args``."""
    command = [CHROMIUM or "chromium", *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def dump_dom(page: Path, profile: Path, budget_ms: int = 3000) -> str:
    """The page's DOM after its scripts (and any handler a page wrongly holds) had ``budget_ms`` of
    virtual time to run."""
    done = chromium(page, profile, f"--virtual-time-budget={budget_ms}", "--dump-dom")
    assert done.returncode == 0 and "</html>" in done.stdout, done.stderr[-2000:]
    return done.stdout
