"""The service's one database: SQLite by default, any SQLAlchemy URL (DATABASE_URL) when several
instances must share it.

SQLAlchemy Core keeps the SQL portable between SQLite and a server database; for SQLite the
file is opened in WAL mode so several gunicorn workers can read and write at once.
"""

from __future__ import annotations

from sqlalchemy import (Boolean, Column, Float, Integer, MetaData, String, Table, Text, create_engine,
                        event)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

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


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def open_database(url: str) -> Engine:
    """An engine for `url` with the tables created."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    try:
        metadata.create_all(engine)
    except OperationalError:
        # Another worker created the tables between our check and our CREATE: check again.
        metadata.create_all(engine)
    return engine
