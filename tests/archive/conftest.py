"""Fixtures for the archive tests: the same tests run on SQLite and on a real PostgreSQL server.

PostgreSQL comes from ``VBDH_TEST_PG_URL`` when set (CI), else from a throwaway cluster this
session starts with ``initdb``/``pg_ctl`` on a free loopback port under /tmp (as the ``postgres``
user when running as root); when neither is possible the PostgreSQL variants skip with the reason.
Each test gets its own schema, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from pgcluster import Cluster, ClusterUnavailable, schema_url
from variants import SAMPLES

BACKENDS = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL server the tests may create schemas in."""
    pytest.importorskip(
        "psycopg",
        reason="psycopg (the optional 'postgres' extra) is not installed: pip install 'vbdieuhanh[postgres]'",
        exc_type=ModuleNotFoundError,
    )
    url = os.environ.get("VBDH_TEST_PG_URL")
    if url:
        yield url
        return
    try:
        cluster = Cluster()
    except ClusterUnavailable as error:
        pytest.skip(str(error))
    try:
        yield cluster.url()
    finally:
        cluster.remove()


@pytest.fixture
def make_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """``make_url(backend)``: a fresh, empty archive URL on that backend."""
    cleanups: list[Callable[[], None]] = []

    def make(backend: str) -> str:
        if backend == "sqlite":
            return str(tmp_path / f"archive-{len(cleanups)}-{uuid.uuid4().hex[:6]}.db")
        url, drop = schema_url(request.getfixturevalue("pg_server"))
        cleanups.append(drop)
        return url

    yield make
    for cleanup in cleanups:
        cleanup()


@pytest.fixture(params=BACKENDS)
def archive_url(request: pytest.FixtureRequest, make_url: Callable[[str], str]) -> str:
    """An empty archive, once on SQLite and once on PostgreSQL."""
    return make_url(request.param)


@pytest.fixture(scope="module", params=BACKENDS)
def module_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An empty archive shared by the tests of a module, on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("archive") / "archive.db")
        return
    url, drop = schema_url(request.getfixturevalue("pg_server"))
    yield url
    drop()


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))
