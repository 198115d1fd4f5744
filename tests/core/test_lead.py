"""Which need leads a plan: the trained trees as the runtime reads them, and what they put first."""

from __future__ import annotations

import json

import pytest

from bot.core.answer import AnswerKind
from bot.core.matching.boosted import ScopeRates
from bot.core.matching.lead import MODEL_PATH, features


def test_the_runtime_scorer_reproduces_the_trained_model(matcher) -> None:
    # the checks were scored by scikit-learn on the features the training read; any change to how the
    # features are read shows here, and the model must be trained again (bench/train_lead.py)
    checks = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["checks"]
    assert len(checks) >= 10 and {round(p) for _, _, p in checks} == {0, 1}
    read, needs = matcher.scope_model.probabilities, matcher.needs_model.probabilities
    for text, scope, expected in checks:
        q, first = matcher.first_answer(text)
        completed = matcher.missed.completed(first, q, matcher.index, read, needs)
        told = dict(zip((n.scope.name for n in completed.needs),
                        features(completed, q, len(first.needs), matcher.lead.rates, read)))
        assert abs(matcher.lead.probability(told[scope]) - expected) <= 1e-3, (text, scope)


def test_the_change_a_plan_is_for_leads_the_reads_told_before_it(matcher) -> None:
    question = ("Partner portal: list the available partner report templates, create a report from one, and later "
                "fetch it. We're a partner full admin. Which scopes?")
    q, first = matcher.undoubted(question)
    assert first.kind == AnswerKind.PLAN
    assert first.scopes[0] == "spark-admin:reports_write" and "spark-admin:reports_read" in first.scopes


def test_an_answer_of_one_need_is_left_as_it_is(matcher) -> None:
    q, first = matcher.first_answer("which scope lets my app list the rooms I am in?")
    assert matcher.lead.led(first, q, len(first.needs)) is first


@pytest.mark.parametrize("model", ["lead", "missed"])
def test_how_often_a_scope_was_found_is_counted_for_the_scopes_rows_held_and_usual_for_others(matcher,
                                                                                             model: str) -> None:
    rates = getattr(matcher, model).rates
    assert 0 < rates.usual < 1 and len(rates.rates) >= 20
    assert all(0 < rate < 1 for rate in rates.rates.values())  # drawn towards the usual share, never certain
    assert ScopeRates({"spark:rooms_read": 0.2}, 0.4).of("spark:kms") == 0.4
