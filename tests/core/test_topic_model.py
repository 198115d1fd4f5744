"""The guidance topic model: as the runtime reads it, and what it adds to a question."""

from __future__ import annotations

import json
from dataclasses import replace

from bot.core.matching.question import read_question
from bot.core.matching.topic_model import MODEL_PATH

ARCHIVE = ("Legal wants an archive of every message in every space of the company, including spaces our account "
           "is not in. What scope?")


def test_the_runtime_scorer_reproduces_the_trained_model(matcher) -> None:
    checks = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["checks"]
    assert {topic for topic, _, _ in checks} == set(matcher.topics.topics) and len(checks) >= 15
    for topic, text, expected in checks:
        assert abs(matcher.topics.probabilities(text)[topic] - expected) <= 1e-3, (topic, text)


def test_a_situation_told_without_its_cues_gets_its_topic_and_its_scope(matcher) -> None:
    # no cue names the Compliance Officer; the model reads the situation, and the officer's scope follows
    assert "compliance-role" not in read_question(ARCHIVE, matcher.index, matcher.guidance).topics
    answer = matcher.answer(ARCHIVE)
    assert "compliance-role" in answer.guidance and answer.scopes[0] == "spark-compliance:messages_read"


def test_a_plain_question_or_another_language_gets_no_topic_from_the_model(matcher, kb) -> None:
    assert matcher.answer("list my spaces").guidance == ()
    german = replace(read_question(ARCHIVE, matcher.index, matcher.guidance), language=kb.vocabulary.languages["de"])
    assert matcher.topics.beside(german) is german
