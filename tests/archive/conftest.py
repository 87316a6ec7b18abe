"""Fixtures for the archive tests: the same tests run on SQLite and on a real PostgreSQL server.

PostgreSQL comes from ``VBDH_TEST_PG_URL`` when set (CI), else from a throwaway cluster this
session starts with ``initdb``/``pg_ctl`` on a free loopback port under /tmp (as the ``postgres``
user when running as root); when neither is possible the PostgreSQL variants skip with the reason.
Each test gets its own schema, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from variants import SAMPLES

BACKENDS = ("sqlite", "postgres")


def _pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    return versions[-1].parent if versions else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_owner(command: list[str], user: str | None) -> list[str]:
    if user is None:
        return command
    return (
        ["runuser", "-u", user, "--", *command]
        if shutil.which("runuser")
        else ["su", user, "-c", " ".join(command)]
    )


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
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("no PostgreSQL: set VBDH_TEST_PG_URL or install the server (initdb, pg_ctl)")
    user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root without a 'postgres' user to own a throwaway cluster")
        user = "postgres"
    base = Path(tempfile.mkdtemp(prefix="vbdh-pg-", dir="/tmp"))
    if user:
        shutil.chown(base, user)
    data, port = base / "data", _free_port()
    init = [
        str(bindir / "initdb"),
        "-D",
        str(data),
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
    ]
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = [
        str(bindir / "pg_ctl"),
        "-D",
        str(data),
        "-o",
        options,
        "-l",
        str(base / "log.txt"),
        "-w",
        "start",
    ]
    try:
        subprocess.run(_as_owner(init, user), check=True, capture_output=True, timeout=120)
        subprocess.run(_as_owner(start, user), check=True, capture_output=True, timeout=120)
    except (subprocess.SubprocessError, OSError) as error:
        shutil.rmtree(base, ignore_errors=True)
        pytest.skip(f"could not start a throwaway PostgreSQL cluster: {error}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        stop = [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
        subprocess.run(_as_owner(stop, user), capture_output=True, timeout=120)
        shutil.rmtree(base, ignore_errors=True)


def _schema_url(server: str) -> tuple[str, Callable[[], None]]:
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")

    def drop() -> None:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")

    joiner = "&" if "?" in server else "?"
    return f"{server}{joiner}options=-csearch_path%3D{schema}", drop


@pytest.fixture
def make_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """``make_url(backend)``: a fresh, empty archive URL on that backend."""
    cleanups: list[Callable[[], None]] = []

    def make(backend: str) -> str:
        if backend == "sqlite":
            return str(tmp_path / f"archive-{len(cleanups)}-{uuid.uuid4().hex[:6]}.db")
        url, drop = _schema_url(request.getfixturevalue("pg_server"))
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
    url, drop = _schema_url(request.getfixturevalue("pg_server"))
    yield url
    drop()


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))
