"""Feedback and misses are stored (SQLite by default) and reported for improving the knowledge base."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from bot.core.answer import Answer, AnswerKind
from bot.storage.database import open_database
from bot.storage.feedback import FeedbackStore
from bot.core.handler import Handler
from bot.storage.handled import HandledStore
from conftest import ROOT


def test_misses_and_votes_make_the_report(database_url, kb, matcher) -> None:
    store = FeedbackStore(open_database(database_url))
    handler = Handler(kb, matcher, recorder=store)
    for text in ("Sing me a song", "sing me a song ", "how do I bake bread", "answer calls"):
        handler.handle_text(text)
    handler.handle_action({"action": "feedback", "helpful": True, "question": "answer calls",
                           "scopes": ["spark:calls_write"]})
    handler.handle_action({"action": "feedback", "helpful": False, "question": "answer calls",
                           "scopes": ["spark:calls_write"]})
    handler.handle_action({"action": "feedback", "helpful": True, "question": "q", "scopes": ["spark:calls_write"]})
    handler.handle_action({"action": "feedback", "helpful": False, "question": "my webex scope question",
                           "scopes": []})
    report = store.report()
    assert report.unanswered[0] == {"question": "sing me a song", "count": 2, "answered": False}
    assert {"question": "my webex scope question", "count": 1, "answered": False} in report.unanswered
    assert report.scopes == {"spark:calls_write": {"helpful": 2, "unhelpful": 1}}
    assert "sing me a song" in report.text()


def test_malformed_votes_are_refused(database_url) -> None:
    store = FeedbackStore(open_database(database_url))
    assert not store.vote({"helpful": "yes"})
    assert not store.vote({"helpful": True, "scopes": "spark:calls_write"})
    assert not store.vote({"helpful": True, "question": 3})
    assert store.report().scopes == {}


def test_claims_are_once_only_and_can_be_released(database_url) -> None:
    store = HandledStore(open_database(database_url))
    assert store.claim("message", "m1") and not store.claim("message", "m1")
    assert store.claim("action", "m1")
    store.release("message", "m1")
    assert store.claim("message", "m1")
    assert store.prune(older_than=-1) == 2


def test_report_command(database_url) -> None:
    url = database_url
    FeedbackStore(open_database(url)).question_missed(Answer("what is love", AnswerKind.DECLINE))
    env = {"PATH": os.environ.get("PATH", ""), "DATABASE_URL": url}
    result = subprocess.run([sys.executable, "-m", "bot", "report", "--json"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert json.loads(result.stdout)["unanswered"] == [{"question": "what is love", "count": 1, "answered": False}]


def test_many_workers_can_create_the_database_at_once(database_url) -> None:
    url = database_url
    code = f"from bot.storage.database import open_database; open_database({url!r})"
    procs = [subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stderr=subprocess.PIPE) for _ in range(8)]
    failures = [p.stderr.read().decode() for p in procs if p.wait(60) != 0]
    assert failures == []
