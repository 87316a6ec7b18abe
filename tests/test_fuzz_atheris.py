"""A bounded run of each atheris target (fuzz/), so that CI fuzzes on every submission.

Each target runs in a subprocess from real seeds for a few thousand executions with a fixed seed;
a crash (an exception other than the library's typed errors, a broken property, an input over the
time limit) makes libFuzzer exit non-zero, and its report is the failure message. The long runs are
the commands in the targets' headers (docs/limits.md gives the counts).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("atheris") is None, reason="atheris is not installed (pip install atheris)"
)

# target, its seeds, runs, libFuzzer options
TARGETS = {
    "fuzz_parse_text.py": (sorted((DATA / "cases").glob("*.txt")), 2000, ["-max_len=1200"]),
    "fuzz_readers.py": (
        [DATA / "fixtures" / name for name in ("laichau_UBND-VX_2021-03.docx", "laichau_UBND-VX_2021-03.pdf")]
        + [DATA / "fixtures" / "laichau_UBND-VX_2021-03.txt"],
        500,
        ["-max_len=70000"],
    ),
}


@pytest.mark.parametrize("target", TARGETS)
def test_bounded_fuzz(target: str, tmp_path: Path) -> None:
    seeds, runs, options = TARGETS[target]
    corpus, seed_dir = tmp_path / "corpus", tmp_path / "seeds"
    corpus.mkdir()
    seed_dir.mkdir()
    for seed in seeds:
        shutil.copy(seed, seed_dir)
    command = [sys.executable, str(ROOT / "fuzz" / target), str(corpus), str(seed_dir), f"-runs={runs}"]
    command += [*options, "-seed=1", "-timeout=20", "-max_total_time=60", f"-artifact_prefix={tmp_path}/"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)
    report = done.stderr[-4000:]
    assert done.returncode == 0, f"{target} crashed:\n{report}"
    assert "Done " in done.stderr, report
