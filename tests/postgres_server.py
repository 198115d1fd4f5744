"""A throwaway PostgreSQL server on loopback, so the DATABASE_URL path is tested against a real
server database and not only SQLite. Tests that need it are skipped where PostgreSQL's server
programs are not installed."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from service_harness import free_port

SERVER_USER = "postgres"  # initdb refuses to run as root


def _program(name: str) -> str | None:
    """A server program on PATH, else from Debian's versioned folder (newest version)."""
    installed = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return shutil.which(name) or (installed[-1] if installed else None)


def available() -> bool:
    """True when a server can be started here."""
    if not (_program("initdb") and _program("pg_ctl")):
        return False
    return os.geteuid() != 0 or shutil.which("runuser") is not None


@contextmanager
def running_postgres() -> Iterator[str]:
    """Start a server in a temporary folder; yields its SQLAlchemy base URL (add '/dbname')."""
    as_user = ["runuser", "-u", SERVER_USER, "--"] if os.geteuid() == 0 else []
    folder = Path(tempfile.mkdtemp(prefix="scopebot-pg-"))
    if as_user:
        shutil.chown(folder, SERVER_USER)
    data, port = folder / "data", free_port()
    try:
        subprocess.run(as_user + [_program("initdb"), "-D", str(data), "-U", "scopebot", "--auth=trust",
                                  "-E", "UTF8", "--no-sync"], check=True, capture_output=True, timeout=120)
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(as_user + [_program("pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"),
                                  "-w", "-t", "60", "start"], check=True, capture_output=True, timeout=120)
        yield f"postgresql+psycopg://scopebot@127.0.0.1:{port}"
    finally:
        subprocess.run(as_user + [_program("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
