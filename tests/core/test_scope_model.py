"""The scope and needs models: as the runtime reads them, and how the scope model steers an answer's lead."""

from __future__ import annotations

import json
from dataclasses import replace

from bot.core.answer import AnswerKind, Confidence, Via
from bot.core.matching.packed import Rows, packed
from bot.core.matching.scope_model import MODEL_PATH, NEEDS_PATH, ScopeModel

READ, WRITE, ROOMS = "spark:messages_read", "spark:messages_write", "spark:rooms_read"
ASKED = "which scope lets my app read the messages in a space"


def test_the_runtime_scorer_reproduces_the_trained_model(matcher) -> None:
    checks = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["checks"]
    assert len(checks) >= 10 and len({round(p, 1) for _, _, p in checks}) >= 3  # from unsure to sure
    for text, scope, expected in checks:
        read, p = matcher.scope_model.likeliest(text)
        assert read == scope and abs(p - expected) <= 1e-3, text


def test_the_runtime_scorer_reproduces_the_trained_needs_model(matcher) -> None:
    checks = json.loads(NEEDS_PATH.read_text(encoding="utf-8"))["checks"]
    assert matcher.needs_model.each and len(checks) >= 10
    for text, scope, expected in checks:
        assert abs(matcher.needs_model.probabilities(text)[scope] - expected) <= 1e-3, text


def test_the_needs_model_reads_each_scope_on_its_own(matcher) -> None:
    # a softmax shares one probability among the scopes; the needs model can find two scopes both likely
    read = matcher.needs_model.probabilities("create a space for each new project and post a welcome message in it")
    assert read["spark:rooms_write"] + read["spark:messages_write"] > 1  # no softmax gives two more than all


def test_every_scope_they_read_is_in_the_knowledge_base(matcher, kb) -> None:
    assert all(kb.get(name) is not None for name in matcher.scope_model.scopes + matcher.needs_model.scopes)


def leaning(towards: str, weight: float) -> ScopeModel:
    """A model of two scopes, spark:messages_read and `towards` (or the write one), where the word "space" speaks
    for `towards` by `weight` (one term: its TF-IDF value is 1, so the probability is the logistic of `weight`)."""
    other = WRITE if towards == READ else towards
    weights = [weight, 0.0] if towards == READ else [0.0, weight]
    return ScopeModel.read({"ngrams": 1, "scopes": [READ, other], "intercepts": [0.0, 0.0], "terms": ["space"],
                            "idf": packed([1.0]), "weights": Rows.pack([[(0, weights[0]), (1, weights[1])]])})


def unsure(question: str, matcher) -> tuple:
    """The question as read and its answer before the doubt model, made medium: only such answers are steered."""
    q, answer = matcher.undoubted(question)
    return q, replace(answer, confidence=Confidence.MEDIUM)


def test_a_sure_read_leads_an_unsure_answer_found_from_words_and_says_it_is_one_of_two(matcher) -> None:
    q, answer = unsure(ASKED, matcher)
    assert answer.scopes[0] == READ and answer.needs[0].via == Via.WORDS
    steered = leaning(ROOMS, 3.0).steered(answer, q, matcher.index)
    assert steered.scopes[0] == ROOMS and READ in steered.alternatives[:1]
    assert steered.confidence == Confidence.MEDIUM and any(READ in note for note in steered.assumptions)


def test_a_sure_answer_an_unsure_read_or_the_same_resource_leaves_the_answer(matcher) -> None:
    q, sure = matcher.undoubted(ASKED)
    assert sure.confidence == Confidence.HIGH and leaning(ROOMS, 3.0).steered(sure, q, matcher.index) is sure
    q, answer = unsure(ASKED, matcher)
    assert leaning(ROOMS, -3.0).steered(answer, q, matcher.index) is answer  # about 0.05: under both lines
    assert leaning(READ, 3.0).steered(answer, q, matcher.index) is answer
    assert leaning(WRITE, 3.0).steered(answer, q, matcher.index) is answer  # reading or writing: the words' call


def test_a_read_under_the_line_is_offered_among_the_first_three_after_the_leads_own(matcher) -> None:
    q, answer = unsure(ASKED, matcher)
    assert ROOMS not in answer.top(3)
    offered = leaning(ROOMS, 0.1).steered(answer, q, matcher.index)  # about 0.52: under the line that leads
    assert offered.scopes == answer.scopes and offered.confidence == answer.confidence
    assert offered.alternatives[:2] == [*answer.alternatives[:1], ROOMS]
    assert leaning(ROOMS, 0.1).steered(offered, q, matcher.index) is offered  # shown already: nothing to add


def test_an_endpoint_a_documented_phrasing_or_another_language_is_never_steered(matcher, kb) -> None:
    q, answer = unsure("our app calls GET /v1/messages to show what was said in a space", matcher)
    assert answer.needs[0].via == Via.ENDPOINT and leaning(ROOMS, 3.0).steered(answer, q, matcher.index) is answer
    q, answer = unsure("which scope lets my app read messages from a space on weekends", matcher)
    assert answer.scopes[0] == READ and leaning(ROOMS, 3.0).steered(answer, q, matcher.index) is answer
    q, answer = unsure(ASKED, matcher)
    german = replace(q, language=kb.vocabulary.languages["de"])
    assert leaning(ROOMS, 3.0).steered(answer, german, matcher.index) is answer


def test_a_plan_that_holds_the_scope_keeps_its_order_and_a_short_post_its_answer(matcher) -> None:
    q, answer = unsure(ASKED, matcher)
    rooms = replace(answer.needs[0], scope=matcher.kb.get(ROOMS), alternatives=())
    plan = replace(answer, kind=AnswerKind.PLAN, needs=(answer.needs[0], rooms))
    assert leaning(ROOMS, 3.0).steered(plan, q, matcher.index) is plan
    q, answer = unsure("read the messages in a space", matcher)  # six words
    assert leaning(ROOMS, 3.0).steered(answer, q, matcher.index) is answer


def test_a_lead_the_needs_model_still_reads_as_needed_stays_beside_the_read_scope(matcher) -> None:
    q, answer = unsure(ASKED, matcher)
    kept = leaning(ROOMS, 3.0).steered(answer, q, matcher.index, lambda text: {READ: 0.8})
    assert kept.kind == AnswerKind.PLAN and kept.scopes[:2] == [ROOMS, READ]
    assert kept.confidence == Confidence.MEDIUM and any("also needs" in note for note in kept.assumptions)
    replaced = leaning(ROOMS, 3.0).steered(answer, q, matcher.index, lambda text: {READ: 0.2})
    assert replaced.kind == answer.kind and replaced.scopes[0] == ROOMS and READ not in replaced.scopes
