"""Feedback and misses are stored (SQLite by default) and reported for improving the knowledge base."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from bot.core.answer import Answer, AnswerKind
from bot.storage.database import Database
from bot.storage.feedback import CARD, VOTER
from bot.storage.inbox import Inbox
from bot.storage.feedback import FeedbackStore
from bot.core.handler import Handler
from conftest import ROOT


def press(handler: Handler, person: str, card: str = "card-1", **inputs) -> None:
    """A Helpful / Not helpful press, as the service passes it on: with who pressed which card."""
    handler.handle_action({"action": "feedback", **inputs, VOTER: person, CARD: card})


def test_misses_and_votes_make_the_report(database_url, kb, matcher) -> None:
    store = FeedbackStore(Database(database_url, 10))
    handler = Handler(kb, matcher, recorder=store)
    for text in ("Sing me a song", "sing me a song ", "how do I bake bread", "answer calls"):
        handler.handle_text(text)
    press(handler, "ann", helpful=True, question="answer calls", scopes=["spark:calls_write"])
    press(handler, "bob", helpful=False, question="answer calls", scopes=["spark:calls_write"])
    press(handler, "cy", helpful=True, question="q", scopes=["spark:calls_write"])
    press(handler, "dee", helpful=False, question="my webex scope question", scopes=[])
    report = store.report()
    assert report.unanswered[0] == {"question": "sing me a song", "count": 2, "answered": False}
    assert {"question": "my webex scope question", "count": 1, "answered": False} in report.unanswered
    assert report.scopes == {"spark:calls_write": {"helpful": 2, "unhelpful": 1}}
    assert "sing me a song" in report.text()


def test_malformed_votes_are_refused(database_url) -> None:
    store = FeedbackStore(Database(database_url, 10))
    assert not store.vote({"helpful": "yes"})
    assert not store.vote({"helpful": True, "scopes": "spark:calls_write"})
    assert not store.vote({"helpful": True, "question": 3})
    assert store.report().scopes == {}


def test_report_command(database_url) -> None:
    url = database_url
    FeedbackStore(Database(url, 10)).question_missed(Answer("what is love", AnswerKind.DECLINE))
    env = {"PATH": os.environ.get("PATH", ""), "DATABASE_URL": url}
    result = subprocess.run([sys.executable, "-m", "bot", "report", "--json"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert json.loads(result.stdout)["unanswered"] == [{"question": "what is love", "count": 1, "answered": False}]


def test_many_workers_can_create_the_database_at_once(database_url) -> None:
    url = database_url
    code = f"from bot.storage.database import Database; Database({url!r}, 10).engine"
    procs = [subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stderr=subprocess.PIPE) for _ in range(8)]
    failures = [p.stderr.read().decode() for p in procs if p.wait(60) != 0]
    assert failures == []


def test_a_vote_counts_once_per_person_and_card(database_url, kb, matcher) -> None:
    store = FeedbackStore(Database(database_url, 10))
    handler = Handler(kb, matcher, recorder=store)
    for helpful in (True, True, False):  # one person pressing again changes the vote
        press(handler, "ann", "card-1", helpful=helpful, question="answer calls", scopes=["spark:calls_write"])
    press(handler, "ann", "card-2", helpful=True, question="answer calls", scopes=["spark:calls_write"])
    press(handler, "bob", "card-1", helpful=True, question="answer calls", scopes=["spark:calls_write"])
    assert store.report().scopes == {"spark:calls_write": {"helpful": 2, "unhelpful": 1}}
    assert not store.vote({"helpful": True, "scopes": []})  # who pressed which card is required


def run_bot(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env={"PATH": os.environ.get("PATH", ""), **env})


def test_report_prints_stored_text_without_terminal_control_characters(database_url) -> None:
    store = FeedbackStore(Database(database_url, 10))
    store.question_missed(Answer("clear \x1b[2J\x1b]0;owned\x07 screen\rnow\u202e", AnswerKind.DECLINE))
    result = run_bot("report", DATABASE_URL=database_url)
    assert result.returncode == 0 and "clear" in result.stdout
    assert not any(ch in result.stdout for ch in "\x1b\x07\r\u202e")


def test_a_question_with_a_nul_or_a_lone_surrogate_is_kept_all_the_same(database_url) -> None:
    store = FeedbackStore(Database(database_url, 10))
    store.question_missed(Answer("a\x00b \ud800 zz", AnswerKind.DECLINE))  # PostgreSQL refuses NUL; UTF-8 the rest
    assert store.vote({"helpful": False, "question": "c\x00d", "scopes": [], VOTER: "p\x00", CARD: "c\udcff"})
    asked = [row["question"] for row in store.report().unanswered]
    assert sorted(asked) == ["a\ufffdb \ufffd zz", "c\ufffdd"]


def test_purge_forgets_questions_older_than_the_retention_period(database_url) -> None:
    db = Database(database_url, 10)
    store, inbox = FeedbackStore(db), Inbox(db)
    store.question_missed(Answer("an old question", AnswerKind.DECLINE))
    store.vote({"helpful": True, "question": "answer calls", "scopes": ["spark:calls_write"], VOTER: "a", CARD: "c"})
    inbox.add("message", "m-done", json.dumps({"data": {"id": "m-done", "personEmail": "ada@example.com"}}))
    inbox.done(inbox.claim(60))
    inbox.add("message", "m-pending", json.dumps({"data": {"id": "m-pending"}}))
    kept = run_bot("purge", DATABASE_URL=database_url)  # RETENTION_DAYS defaults to 90: nothing is that old
    assert kept.returncode == 0 and "0 misses, 0 votes, 0 events" in kept.stdout
    purged = run_bot("purge", DATABASE_URL=database_url, RETENTION_DAYS="0")
    assert purged.returncode == 0 and "1 misses, 1 votes, 1 events" in purged.stdout
    report = store.report()
    assert report.unanswered == [] and report.scopes == {"spark:calls_write": {"helpful": 1, "unhelpful": 0}}
    assert inbox.counts() == {"pending": 1, "done": 0, "failed": 0}


def test_a_retried_event_counts_its_question_once(database_url, kb, matcher) -> None:
    from bot.storage.feedback import recording_for

    store = FeedbackStore(Database(database_url, 10))
    handler = Handler(kb, matcher, recorder=store)
    for _ in range(3):  # the first try and two retries of one webhook event
        with recording_for("message:m1"):
            handler.handle_text("sing me a song")
    with recording_for("message:m2"):  # the same words asked again: a new event, counted
        handler.handle_text("sing me a song")
    assert store.report().unanswered == [{"question": "sing me a song", "count": 2, "answered": False}]
