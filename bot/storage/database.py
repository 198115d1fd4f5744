"""The service's one database: SQLite by default, any SQLAlchemy URL (DATABASE_URL) when several
instances must share it.

SQLAlchemy Core keeps the SQL portable between SQLite and a server database; for SQLite the
file is opened in WAL mode so several gunicorn workers can read and write at once.
"""

from __future__ import annotations

import random
import time

from sqlalchemy import (Boolean, Column, Float, Integer, MetaData, String, Table, Text, create_engine,
                        event, text)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.schema import CreateTable

metadata = MetaData()
handled = Table(
    "handled", metadata,
    Column("kind", String(32), primary_key=True),
    Column("event_id", String(255), primary_key=True),
    Column("at", Float, nullable=False),
)
misses = Table(
    "misses", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", Float, nullable=False),
    Column("question", Text, nullable=False),
    Column("answered", Boolean, nullable=False),
    Column("scopes", Text, nullable=False, default=""),
)
feedback = Table(
    "feedback", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", Float, nullable=False),
    Column("question", Text, nullable=False),
    Column("scopes", Text, nullable=False, default=""),
    Column("helpful", Boolean, nullable=False),
)


WAL_SWITCH_SECONDS = 30.0
SCHEMA_LOCK_KEY = 0x5C0BE  # any constant: the advisory lock scopebot's workers take to create tables


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Per connection: wait for a lock rather than fail, and WAL's usual durability level."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
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
        except OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(random.uniform(0.01, 0.05))


def open_database(url: str) -> Engine:
    """An engine for `url` with the tables created."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        _switch_to_wal(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    # IF NOT EXISTS rather than create_all's check-then-create, which races when several
    # workers start at once against a fresh database. PostgreSQL can still collide inside its
    # catalogue when two sessions create the same table, so there the creators take turns.
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
        for table in metadata.sorted_tables:
            connection.execute(CreateTable(table, if_not_exists=True))
    return engine
