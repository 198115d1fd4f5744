"""The service's one database: SQLite by default, any SQLAlchemy URL (DATABASE_URL) when several
instances must share it.

SQLAlchemy Core keeps the SQL portable between SQLite and PostgreSQL. Nothing connects until the
first query, so building the app touches no database; the tables are created then, once.
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

from sqlalchemy import (Boolean, Column, Float, Index, Integer, MetaData, String, Table, Text, UniqueConstraint,
                        create_engine, event, text)
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.schema import CreateIndex, CreateTable

metadata = MetaData()
inbox = Table(  # every verified webhook event, stored before Webex gets its 2xx
    "inbox", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("event_id", String(255), nullable=False),
    Column("envelope", Text, nullable=False),
    Column("state", String(16), nullable=False),  # pending, done or failed
    Column("attempts", Integer, nullable=False),
    Column("received_at", Float, nullable=False),
    Column("available_at", Float, nullable=False),  # not claimed again before this time
    Column("lease_until", Float, nullable=False),  # a worker holds it until then
    Column("finished_at", Float),
    Column("last_error", Text),
    UniqueConstraint("kind", "event_id", name="inbox_event"),
    Index("inbox_due", "state", "available_at"),  # a claim finds the next due event without a scan
)
misses = Table(
    "misses", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", Float, nullable=False),
    Column("question", Text, nullable=False),
    Column("answered", Boolean, nullable=False),
    Column("scopes", Text, nullable=False, default=""),
)
missed_events = Table(  # which events already added their question to misses (a retry adds nothing)
    "missed_events", metadata,
    Column("event_id", String(300), primary_key=True),
    Column("at", Float, nullable=False),
)
votes = Table(  # one Helpful / Not helpful vote per person and card
    "votes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", Float, nullable=False),
    Column("person_id", String(255), nullable=False),
    Column("card_id", String(255), nullable=False),
    Column("question", Text, nullable=False),
    Column("scopes", Text, nullable=False, default=""),
    Column("helpful", Boolean, nullable=False),
    UniqueConstraint("person_id", "card_id", name="votes_once"),
)

WAL_SWITCH_SECONDS = 30.0
SCHEMA_LOCK_KEY = 0x5C0BE  # any constant: the advisory lock scopebot's workers take to create tables
DRIVERS = {"postgres": "postgresql+psycopg", "postgresql": "postgresql+psycopg"}  # Heroku-style URLs


class DatabaseError(RuntimeError):
    """The database URL is wrong or the database cannot be reached; the message says which."""


def normalize_url(url: str) -> str:
    """`url` with the installed PostgreSQL driver named (postgres:// and postgresql:// become
    postgresql+psycopg://); DatabaseError when it is no database URL."""
    scheme, sep, rest = url.partition("://")
    if not sep or not rest:
        raise DatabaseError(f"DATABASE_URL is not a database URL (like sqlite:///path or postgresql://...): {url!r}")
    url = f"{DRIVERS.get(scheme, scheme)}://{rest}"
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(f"DATABASE_URL cannot be parsed: {scheme}://...") from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseError(f"DATABASE_URL must be sqlite:// or postgresql://, not {scheme}://")
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Per connection: wait for a lock rather than fail, WAL's usual durability level (a crash of
    the process loses nothing committed), and no checkpoint inside a commit: a checkpoint flushes
    to disk, and the webhook whose insert ran it would wait (see Database.checkpoint)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA wal_autocheckpoint=0")
    cursor.close()


def _switch_to_wal(engine: Engine) -> None:
    """Put the file in WAL mode, which then sticks to the file.

    When several processes switch a fresh file at once, SQLite answers "database is locked"
    straight away instead of waiting on the busy timeout, so the switch is retried for a while.
    """
    deadline = time.monotonic() + WAL_SWITCH_SECONDS
    while True:
        try:
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")
            return
        except OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(random.uniform(0.01, 0.05))


def _create_tables(engine: Engine) -> None:
    """IF NOT EXISTS rather than create_all's check-then-create, which races when several workers
    start at once; PostgreSQL can still collide in its catalogue, so there creators take turns."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
        for table in metadata.sorted_tables:
            connection.execute(CreateTable(table, if_not_exists=True))
            for index in table.indexes:
                connection.execute(CreateIndex(index, if_not_exists=True))


def _engine(url: str, connect_timeout: float) -> Engine:
    """An engine for `url`: SQLite in WAL mode (its folder created), or a server with a connect timeout."""
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        _switch_to_wal(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": max(1, int(connect_timeout))})


class Database:
    """One database for the whole process, opened (tables and all) on first use, thread-safely."""

    def __init__(self, url: str, connect_timeout: float):
        self.url = normalize_url(url)
        self.connect_timeout = connect_timeout
        self._engine: Engine | None = None
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        """The engine, connecting and creating the tables the first time; DatabaseError when unreachable."""
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = self._open()
        return self._engine

    def _open(self) -> Engine:
        where = make_url(self.url).render_as_string()  # the password hidden
        try:
            engine = _engine(self.url, self.connect_timeout)
            _create_tables(engine)
        except ImportError:
            raise DatabaseError(f"DATABASE_URL {where} needs the PostgreSQL driver: "
                                "pip install 'psycopg[binary]'") from None
        except (OperationalError, OSError) as error:
            reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
            raise DatabaseError(f"cannot open the database at {where}: {reason}") from None
        return engine

    def checkpoint(self) -> None:
        """Copy SQLite's write-ahead log into the database file without blocking anyone (the
        answering process calls this every second); nothing to do on PostgreSQL."""
        if self.url.startswith("sqlite"):
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")

    def begin(self) -> "Connection":
        """A transaction (context manager) that commits on success."""
        return self.engine.begin()

    def connect(self) -> "Connection":
        """A connection for reading."""
        return self.engine.connect()

