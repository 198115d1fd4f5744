"""The doubt model: as the runtime reads it, and what it lowers."""

from __future__ import annotations

import json

from bot.core.answer import Confidence
from bot.core.matching.doubt import MODEL_PATH, features

PLAN_OF_CALLS = ("I have a script that uses api.rooms.list() and then posts a summary into each space with "
                 "api.messages.create(roomId=r.id, markdown=text). Which scopes?")


def test_the_runtime_scorer_reproduces_the_trained_model(matcher) -> None:
    checks = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["checks"]
    assert len(checks) >= 10 and {round(p) for _, p in checks} == {0, 1}
    for text, expected in checks:
        q, answer = matcher.undoubted(text)
        assert answer.confidence == Confidence.HIGH
        told = features(answer, q, matcher.offtopic, matcher.topics)
        assert abs(matcher.doubt.probability(told) - expected) <= 1e-3, text


def test_a_doubted_sure_answer_is_medium_with_the_same_scopes(matcher) -> None:
    _, before = matcher.undoubted(PLAN_OF_CALLS)
    after = matcher.answer(PLAN_OF_CALLS)
    assert before.confidence == Confidence.HIGH and after.confidence == Confidence.MEDIUM
    assert after.scopes == before.scopes == ["spark:messages_write", "spark:rooms_read"]


def test_a_plain_sure_answer_stays_sure(matcher) -> None:
    for question in ("list my spaces", "what scope do I need to answer calls"):
        assert matcher.answer(question).confidence == Confidence.HIGH
