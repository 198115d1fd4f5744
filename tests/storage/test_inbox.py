"""The durable inbox on SQLite and PostgreSQL: one holder per event, leases, retries, failures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from bot.storage.database import Database
from bot.storage.inbox import Inbox
from conftest import ROOT


def test_an_event_is_stored_once_and_claimed_by_one_holder(database_url) -> None:
    inbox = Inbox(Database(database_url, 10))
    assert inbox.add("message", "m1", json.dumps({"data": {"id": "m1"}}))
    assert not inbox.add("message", "m1", json.dumps({"data": {"id": "m1"}}))  # a redelivery
    with ThreadPoolExecutor(8) as pool:
        claims = [c for c in pool.map(lambda _: inbox.claim(60), range(8)) if c is not None]
    assert len(claims) == 1 and claims[0].envelope == {"data": {"id": "m1"}} and claims[0].attempts == 1


def test_many_events_are_shared_out_without_overlap(database_url) -> None:
    inbox = Inbox(Database(database_url, 10))
    for i in range(40):
        inbox.add("message", f"m{i}", json.dumps({"n": i}))

    def drain(_: int) -> list[str]:
        taken = []
        while (event := inbox.claim(60)) is not None:
            taken.append(event.event_id)
            inbox.done(event)
        return taken

    with ThreadPoolExecutor(6) as pool:
        taken = [e for batch in pool.map(drain, range(6)) for e in batch]
    assert sorted(taken) == sorted(f"m{i}" for i in range(40))
    assert inbox.counts() == {"pending": 0, "done": 40, "failed": 0}


def test_an_expired_lease_and_a_retry_make_the_event_due_again(database_url) -> None:
    inbox = Inbox(Database(database_url, 10))
    inbox.add("action", "a1", json.dumps({}))
    held = inbox.claim(0.2)
    assert held is not None and inbox.claim(0.2) is None
    again = None
    deadline = time.monotonic() + 30
    while again is None and time.monotonic() < deadline:  # due once the lease has run out
        again = inbox.claim(60)
    assert again is not None and again.attempts == 2
    inbox.retry(again, 3600, "503 from Webex")
    assert inbox.claim(60) is None  # not before its backoff
    inbox.retry(again, 0, "503 from Webex")
    last = inbox.claim(60)
    assert last is not None and last.attempts == 3


def test_failed_events_are_counted_in_the_report(database_url) -> None:
    inbox = Inbox(Database(database_url, 10))
    inbox.add("message", "m1", json.dumps({}))
    inbox.fail(inbox.claim(60), "deadline passed")
    result = subprocess.run([sys.executable, "-m", "bot", "report", "--json"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={"PATH": os.environ.get("PATH", ""), "DATABASE_URL": database_url})
    assert json.loads(result.stdout)["failed_events"] == 1
    assert "Events given up on (no answer sent): 1" in subprocess.run(
        [sys.executable, "-m", "bot", "report"], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={"PATH": os.environ.get("PATH", ""), "DATABASE_URL": database_url}).stdout


def test_the_write_ahead_log_is_folded_in_by_checkpoint_not_by_commits(database_url) -> None:
    db = Database(database_url, 10)
    inbox = Inbox(db)
    for i in range(1500):  # ~6 MB: SQLite's default would checkpoint inside a commit past 1000 pages
        inbox.add("message", f"m{i}", json.dumps({"padding": "x" * 4000}))
    if database_url.startswith("sqlite"):
        with db.connect() as c:
            busy, log_pages, moved = c.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
        assert busy == 0 and log_pages >= 1500 and moved == log_pages  # no commit did it; this did all
    db.checkpoint()  # on PostgreSQL nothing to do, and no error
    assert inbox.counts()["pending"] == 1500
