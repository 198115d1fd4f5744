"""Shared fixtures: the real knowledge base and matcher, built once per test session, and the
databases the service can keep its state in."""

from __future__ import annotations

import contextlib
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.core.handler import Handler
from bot.core.knowledge import KnowledgeBase, load_knowledge
from bot.core.matching import Matcher

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def standin():
    """A Webex API stand-in on loopback, shared by the tests of one module."""
    from webex_standin import StandIn

    with StandIn() as server:
        yield server


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def matcher(kb: KnowledgeBase) -> Matcher:
    return Matcher(kb)


@pytest.fixture(scope="session")
def handler(kb: KnowledgeBase, matcher: Matcher) -> Handler:
    return Handler(kb, matcher)


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the session (skipped where it cannot be started)."""
    import postgres_server as pg

    if not pg.available():
        pytest.skip("PostgreSQL server programs are not installed")
    with contextlib.ExitStack() as stack:
        try:
            base_url = stack.enter_context(pg.running_postgres())
        except (OSError, subprocess.SubprocessError) as error:
            pytest.skip(f"PostgreSQL did not start: {error}")
        yield base_url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """A fresh, empty database for one test: a SQLite file (the default) or a PostgreSQL
    database (what DATABASE_URL points several instances at)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db.sqlite3'}"
    base_url = request.getfixturevalue("postgres_server")
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{base_url}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as db:
        db.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{base_url}/{name}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing test that ran against the service shows the service's log beside the failure."""
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        from service_harness import RUNNING

        for service in RUNNING:
            report.sections.append((f"service log ({service.url})", service.logs()[-20000:]))
