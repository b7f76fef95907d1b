"""A throwaway PostgreSQL cluster for tests, from the system's binaries (/usr/lib/postgresql/*/bin).

initdb in a temp directory, postgres on a free localhost port with trust authentication, stopped
and removed afterwards. As root, the server runs as the `postgres` user (it refuses root).
`.ci/run` installs the Debian package `postgresql`; without the binaries the tests say so.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL bin directory, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(found[-1]).parent if found else None


MISSING = ("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin "
           "(apt-get install postgresql, as .ci/run does)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _runner() -> tuple[list[str], int | None, int | None]:
    """Command prefix and uid/gid to own the files: as root, run as user postgres."""
    if os.geteuid() != 0:
        return [], None, None
    user = pwd.getpwnam("postgres")
    return ["runuser", "-u", "postgres", "--"], user.pw_uid, user.pw_gid


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Start a cluster; yields a SQLAlchemy URL (postgresql+psycopg://...) for database `keuzehulp`."""
    bindir = postgres_bin()
    if bindir is None:
        raise RuntimeError(MISSING)
    prefix, uid, gid = _runner()
    root = Path(tempfile.mkdtemp(prefix="keuzehulp-pg-"))
    try:
        if uid is not None:
            os.chown(root, uid, gid)  # type: ignore[arg-type]
        data, sockets = root / "data", root / "sock"
        run = lambda *args: subprocess.run([*prefix, *args], check=True, capture_output=True,  # noqa: E731
                                           timeout=120, cwd=root)
        run("mkdir", str(sockets))
        run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--no-sync", "--locale=C")
        port = _free_port()
        options = (f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w",
            "-t", "60", "start")
        try:
            run(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "keuzehulp")
            yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/keuzehulp"
        finally:
            subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
                            "stop"], capture_output=True, timeout=60, cwd=root, check=False)
    finally:
        shutil.rmtree(root, ignore_errors=True)
