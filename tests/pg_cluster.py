"""A throwaway PostgreSQL cluster for tests, from Debian's `postgresql` package: initdb and
pg_ctl run as the `postgres` user (initdb refuses root; CI runs as root) in a temporary
folder, on a free localhost port, with the C collation; removed afterwards."""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager


def binaries() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(args: list[str]) -> list[str]:
    return (["runuser", "-u", "postgres", "--"] + args) if os.geteuid() == 0 else args


@contextmanager
def cluster(settings: dict[str, str] | None = None):
    """Yields a postgresql:// URL of a fresh database `xxgk` (server `settings` as -c options)."""
    bindir = binaries()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian's postgresql package)")
    root = tempfile.mkdtemp(prefix="xxgk-pg-", dir="/tmp")
    data = os.path.join(root, "data")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()
    extra = "".join(f" -c {k}={v}" for k, v in (settings or {}).items())
    run = lambda *a: subprocess.run(_as_postgres(list(a)), check=True, capture_output=True, text=True)  # noqa: E731
    try:
        run(f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "--locale=C", "-E", "UTF8")
        run(f"{bindir}/pg_ctl", "-D", data, "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1{extra}",
            "-l", os.path.join(root, "log"), "-w", "start")
        run(f"{bindir}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "xxgk")
        yield f"postgresql://postgres@127.0.0.1:{port}/xxgk"
    finally:
        subprocess.run(_as_postgres([f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"]),
                       capture_output=True)
        time.sleep(0.2)
        shutil.rmtree(root, ignore_errors=True)
