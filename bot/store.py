"""A small SQLite store shared by every gunicorn worker: which events were already handled.

SQLite in WAL mode lets several processes on one machine claim ids safely with no set-up;
`INSERT OR IGNORE` makes the claim atomic, so a message delivered twice, even to two workers
at once, is answered once.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS handled (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (kind, id)
);
"""
KEEP_SECONDS = 7 * 24 * 3600  # Webex does not redeliver events this old


class HandledStore:
    """Remembers handled event ids; safe across threads and processes."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._local = threading.local()
        with self._connect() as db:
            db.executescript(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        return db

    @property
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = self._connect()
        return db

    def claim(self, kind: str, event_id: str) -> bool:
        """True the first time (kind, id) is claimed by anyone, False after that."""
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO handled (kind, id, at) VALUES (?, ?, ?)", (kind, event_id, time.time())
        )
        return cursor.rowcount == 1

    def release(self, kind: str, event_id: str) -> None:
        """Forget a claim whose work failed, so a redelivery can try again."""
        self._db.execute("DELETE FROM handled WHERE kind = ? AND id = ?", (kind, event_id))

    def prune(self, older_than: float = KEEP_SECONDS) -> int:
        """Drop claims older than `older_than` seconds; returns how many."""
        cursor = self._db.execute("DELETE FROM handled WHERE at < ?", (time.time() - older_than,))
        return cursor.rowcount
