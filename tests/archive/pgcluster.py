"""A throwaway PostgreSQL cluster under /tmp, for the tests and the benchmarks.

``initdb`` and ``pg_ctl`` come from the PATH or /usr/lib/postgresql; the cluster listens on a free
loopback port and is owned by the ``postgres`` user when running as root. It trusts local
connections, so a password in a URL is accepted and ignored.
"""

from __future__ import annotations

import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path


def schema_url(server: str) -> tuple[str, Callable[[], None]]:
    """A new schema on ``server``: the URL that works in it, and a function that drops it."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")

    def drop() -> None:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")

    joiner = "&" if "?" in server else "?"
    return f"{server}{joiner}options=-csearch_path%3D{schema}", drop


class ClusterUnavailable(RuntimeError):
    """No cluster can be started here (no server binaries, root without a 'postgres' user…)."""


def pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    return versions[-1].parent if versions else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def as_owner(command: list[str], user: str | None) -> list[str]:
    if user is None:
        return command
    return (
        ["runuser", "-u", user, "--", *command]
        if shutil.which("runuser")
        else ["su", user, "-c", shlex.join(command)]
    )


class Cluster:
    """A cluster of its own: ``start()``, ``stop()`` (as often as wanted), ``remove()``."""

    def __init__(self, *, settings: tuple[str, ...] = ("fsync=off",)) -> None:
        bindir = pg_bin()
        if bindir is None:
            raise ClusterUnavailable("no PostgreSQL: install the server (initdb, pg_ctl)")
        self.user: str | None = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError as error:
                raise ClusterUnavailable("running as root without a 'postgres' user") from error
            self.user = "postgres"
        self.bindir = bindir
        self.base = Path(tempfile.mkdtemp(prefix="vbdh-pg-", dir="/tmp"))
        if self.user:
            shutil.chown(self.base, self.user)
        self.data, self.port = self.base / "data", free_port()
        self.options = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1"
        self.options += "".join(f" -c {setting}" for setting in settings)
        init = [str(bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8"]
        try:
            subprocess.run(
                as_owner([*init, "--locale=C.UTF-8"], self.user), check=True, capture_output=True, timeout=120
            )
            self.start()
        except (subprocess.SubprocessError, OSError) as error:
            self.remove()
            raise ClusterUnavailable(f"could not start a throwaway PostgreSQL cluster: {error}") from error

    def url(self, password: str | None = None) -> str:
        user = f"postgres:{password}" if password else "postgres"
        return f"postgresql://{user}@127.0.0.1:{self.port}/postgres"

    def _ctl(self, *args: str, check: bool = True) -> None:
        command = as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.data), *args], self.user)
        subprocess.run(command, check=check, capture_output=True, timeout=120)

    def start(self) -> None:
        self._ctl("-o", self.options, "-l", str(self.base / "log.txt"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._ctl("-m", mode, "-w", "stop")

    def remove(self) -> None:
        """Stop the server if it runs and delete its files."""
        if (self.data / "postmaster.pid").exists():
            self._ctl("-m", "immediate", "stop", check=False)
        shutil.rmtree(self.base, ignore_errors=True)
