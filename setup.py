"""Build hook: the parser's modules compiled to C with mypyc, or left as Python when that cannot be done.

Everything else about the package is in pyproject.toml. A wheel or ``pip install .`` compiles the
modules in ``COMPILED`` (about 1.3× faster parsing, same records); the pure-Python files stay in the
wheel and are used when there is no C compiler (each extension is optional) or when
``VBDIEUHANH_PURE_PYTHON=1``. An editable install (``pip install -e .``, what scripts/setup.sh does)
is not compiled unless ``VBDIEUHANH_COMPILE=1``: a compiled module would hide later edits of its .py
file. ``vbdieuhanh.is_compiled()`` tells which one is running.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup

# the modules parse_text runs through, in one mypyc group; the archive, readers and CLI stay Python
# (their time is spent in SQLite, pdfium and I/O). Left out: names/bodies.py (its frozen dataclass
# travels between ingest processes, and pickle cannot rebuild a compiled frozen dataclass) and
# chunks.py (a subclass of list, which mypyc does not compile).
COMPILED = [
    "vbdieuhanh/tones.py",
    "vbdieuhanh/layout.py",
    "vbdieuhanh/relines.py",
    "vbdieuhanh/patterns.py",
    "vbdieuhanh/normalize.py",
    "vbdieuhanh/prefilter.py",
    "vbdieuhanh/zones.py",
    "vbdieuhanh/names/keys.py",
    "vbdieuhanh/names/casing.py",
    "vbdieuhanh/names/agency.py",
    "vbdieuhanh/extract/context.py",
    "vbdieuhanh/extract/agency.py",
    "vbdieuhanh/extract/header.py",
    "vbdieuhanh/extract/parties.py",
    "vbdieuhanh/extract/signer.py",
    "vbdieuhanh/extract/deadlines.py",
    "vbdieuhanh/extract/tasks.py",
    "vbdieuhanh/extract/citations.py",
    "vbdieuhanh/extract/relations.py",
    "vbdieuhanh/extract/indicators.py",
    "vbdieuhanh/extract/abbreviations.py",
    "vbdieuhanh/parser.py",
]


# the setup.py commands that build code; metadata (egg_info, dist_info) needs no compiling, and
# mypycify type-checks the modules each time it is called (about 20 s)
_BUILDS = {"bdist_wheel", "build", "build_ext", "install", "editable_wheel", "develop"}
_EDITABLE = {"editable_wheel", "develop"}


def _wanted() -> bool:
    commands = set(sys.argv[1:])
    if os.environ.get("VBDIEUHANH_PURE_PYTHON") == "1" or not commands & _BUILDS:
        return False
    return not commands & _EDITABLE or os.environ.get("VBDIEUHANH_COMPILE") == "1"


def _extensions() -> list:
    if not _wanted():
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # mypy is a build requirement; without it the package stays Python
        return []
    try:
        extensions = mypycify(COMPILED, group_name="vbdieuhanh", opt_level="3")
    except (SystemExit, Exception) as error:  # a mypy release that rejects the code: stay Python
        print(f"vbdieuhanh: the parser is not compiled ({error!r}); it runs as Python", file=sys.stderr)
        return []
    for extension in extensions:
        extension.optional = True  # no C compiler: the pure-Python modules are used
    return extensions


setup(ext_modules=_extensions())
