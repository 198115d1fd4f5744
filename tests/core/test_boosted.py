"""Boosted trees as the runtime reads them: splits, leaves and the sum over trees."""

from __future__ import annotations

import math

import pytest

from bot.core.matching.boosted import Boosted
from bot.core.matching.logit import logistic

# one stump on "b" (at most 0.5 goes left) and one tree of depth two on "a", then "b"
EXPORTED = {"features": ["a", "b"], "start": -1.0, "scope_rates": {"spark:kms": 0.2}, "usual_rate": 0.5, "trees": [
    {"feature": [1, -2, -2], "threshold": [0.5, -2.0, -2.0], "left": [1, -1, -1], "right": [2, -1, -1],
     "value": [0.0, -0.25, 0.75]},
    {"feature": [0, -2, 1, -2, -2], "threshold": [2.0, -2.0, 0.5, -2.0, -2.0], "left": [1, -1, 3, -1, -1],
     "right": [2, -1, 4, -1, -1], "value": [0.0, 0.1, 0.0, 0.2, 0.4]}]}


def test_each_tree_sends_a_value_at_its_threshold_left_and_the_leaves_add_up() -> None:
    model = Boosted.read(EXPORTED)
    assert math.isclose(model.probability({"a": 2.0, "b": 0.5}), logistic(-1.0 - 0.25 + 0.1))
    assert math.isclose(model.probability({"a": 3.0, "b": 0.5}), logistic(-1.0 - 0.25 + 0.2))
    assert math.isclose(model.probability({"a": 3.0, "b": 0.6}), logistic(-1.0 + 0.75 + 0.4))


def test_the_scope_rates_are_read_beside_the_trees() -> None:
    rates = Boosted.read(EXPORTED).rates
    assert rates.of("spark:kms") == 0.2 and rates.of("spark:rooms_read") == 0.5


def test_a_model_without_trees_gives_its_start() -> None:
    assert math.isclose(Boosted.read({"features": [], "start": 0.0, "trees": [], "scope_rates": {}, "usual_rate": 0.0}).probability({}), 0.5)


def test_the_exported_numbers_are_read_as_numbers_only() -> None:
    tampered = {**EXPORTED, "trees": [{**EXPORTED["trees"][0], "value": [0.0, "__import__('os')", 0.75]}]}
    with pytest.raises(ValueError):
        Boosted.read(tampered)


def test_the_logistic_function_holds_far_from_zero() -> None:
    assert logistic(0.0) == 0.5 and math.isclose(logistic(2.0) + logistic(-2.0), 1.0)
    assert logistic(1000.0) == 1.0 and logistic(-1000.0) == 0.0  # no OverflowError either way
