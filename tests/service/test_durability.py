"""Nothing acknowledged is lost: a SIGKILL of the whole service, and a Webex outage, end with
every acknowledged question answered exactly once (over HTTP, against the Webex stand-in)."""

from __future__ import annotations

import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from service_harness import RUNNING, Service, envelope, wait_for
from webex_standin import StandIn

QUICK_REDELIVERY = {"SCOPEBOT_LEASE_SECONDS": "2", "SCOPEBOT_POLL_SECONDS": "0.2",
                    "SCOPEBOT_REDELIVERY_BASE_DELAY": "0.5", "SCOPEBOT_REDELIVERY_MAX_DELAY": "2",
                    "SCOPEBOT_RETRY_BASE_DELAY": "0.05", "SCOPEBOT_RETRY_ATTEMPTS": "2"}
# The outage lasts this long: tens of seconds in production terms, a few by default here so the
# suite stays quick; SCOPEBOT_TEST_OUTAGE_SECONDS=30 runs the long version.
OUTAGE_SECONDS = float(os.environ.get("SCOPEBOT_TEST_OUTAGE_SECONDS", "4"))
HOLD_SECONDS = 60.0  # longer than any wait below: a held reply is still held when the kill comes


def post_question(service: Service, message: dict) -> int:
    """Deliver one question's webhook; its status, or 0 when the service died before answering."""
    data = {"id": message["id"], "roomId": message["roomId"], "personId": message["personId"],
            "personEmail": message["personEmail"]}
    try:
        return service.post(envelope("messages", data)).status_code
    except requests.RequestException:
        return 0


def answer_counts(api: StandIn, questions: list[dict]) -> Counter:
    """How many replies each question got, by its text (the reply quotes the question; each text
    ends in a way no other text does, "question 1:" is not in "question 11:")."""
    texts = {q["text"] for q in questions}
    return Counter(t for m in api.sent() for t in texts if t in m.get("markdown", ""))


def start(api: StandIn, folder: Path, database_url: str, **env: str) -> Service:
    folder.mkdir(exist_ok=True)
    service = Service(api.base_url, folder, workers=2, DATABASE_URL=database_url, **QUICK_REDELIVERY, **env)
    RUNNING.append(service)
    return service.start()


def stop(service: Service) -> None:
    service.stop()
    RUNNING.remove(service)


def test_kill_9_while_webhooks_are_in_flight_loses_and_repeats_nothing(database_url, tmp_path) -> None:
    with StandIn() as api:
        first = start(api, tmp_path / "first", database_url, SCOPEBOT_WEBEX_TIMEOUT="120")
        questions = [api.add_message(f"kill test question {i}: answer calls") for i in range(40)]
        api.hold_replies(HOLD_SECONDS)  # replies get posted, but the bot never hears back
        with ThreadPoolExecutor(10) as pool:
            statuses = pool.map(lambda q: post_question(first, q), questions)
            assert wait_for(lambda: len(api.sent()) >= 3)
            first.kill()
            acked = [q for q, status in zip(questions, list(statuses)) if status == 202]
        stop(first)
        api.hold_replies(0)
        second = start(api, tmp_path / "second", database_url)
        try:
            ids = {q["id"] for q in acked}
            assert wait_for(lambda: ids <= {line.get("message_id") for line in second.log_lines()
                                            if line.get("event") == "handled"})
            outcomes = Counter(line["outcome"] for line in second.log_lines() if line.get("event") == "handled")
        finally:
            stop(second)
    counts = answer_counts(api, questions)
    assert len(acked) >= 3 and all(counts[q["text"]] == 1 for q in acked)
    assert max(counts.values()) == 1  # a question stored but not acknowledged is still answered at most once
    assert outcomes["already answered"] >= 3  # the held replies were found, not posted again


def test_questions_asked_during_a_webex_outage_are_answered_after_it(tmp_path) -> None:
    with StandIn() as api:
        service = start(api, tmp_path / "svc", f"sqlite:///{tmp_path / 'state.sqlite3'}")
        try:
            dark = [api.add_message(f"outage room question {i}: read voicemail") for i in range(4)]
            lit = [api.add_message(f"working room question {i}: read voicemail") for i in range(4)]
            api.outage({q["roomId"] for q in dark}, OUTAGE_SECONDS)
            assert [post_question(service, q) for q in dark + lit] == [202] * 8
            assert wait_for(lambda: all(answer_counts(api, lit)[q["text"]] == 1 for q in lit))
            ids = {q["id"] for q in dark + lit}
            assert wait_for(lambda: ids <= {line.get("message_id") for line in service.log_lines()
                                            if line.get("event") == "handled"}, timeout=OUTAGE_SECONDS + 60)
            retried = {line["message_id"] for line in service.log_lines() if line.get("event") == "will retry"}
        finally:
            stop(service)
    counts = answer_counts(api, dark + lit)
    assert all(counts[q["text"]] == 1 for q in dark + lit)
    assert {q["id"] for q in dark} <= retried
