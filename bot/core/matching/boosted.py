"""Boosted decision trees over named features, as bench/train_missed.py exports scikit-learn's gradient
boosting, read with the standard library: trees see which features matter together, where a logistic
regression weighs each alone."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.core.matching.logit import logistic

Model = TypeVar("Model", bound="Boosted")


@dataclass(frozen=True)
class Tree:
    """One tree in flat lists, as scikit-learn keeps it: node i splits on feature[i] at threshold[i] (left when
    the value is at most the threshold) or, at a leaf (a negative feature), gives value[i]."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    @classmethod
    def read(cls, data: dict[str, list]) -> Tree:
        """The tree from its exported lists, every entry made the number it must be."""
        return cls(tuple(map(int, data["feature"])), tuple(map(float, data["threshold"])),
                   tuple(map(int, data["left"])), tuple(map(int, data["right"])), tuple(map(float, data["value"])))

    def expression(self, node: int = 0) -> str:
        """The tree from `node` down as one conditional expression over the feature list `x`."""
        if self.feature[node] < 0:
            return repr(self.value[node])
        return (f"({self.expression(self.left[node])} if x[{self.feature[node]}] <= {self.threshold[node]!r} "
                f"else {self.expression(self.right[node])})")


def _summed(trees: tuple[Tree, ...]) -> Callable[[list[float]], float]:
    """The sum of the trees' outputs as one compiled function: five times faster than walking the lists,
    which matters as every candidate of a long post is scored. Its source holds only the numbers Tree.read
    made ints and floats."""
    source = "lambda x: " + (" + ".join(tree.expression() for tree in trees) or "0.0")
    return eval(compile(source, "<boosted trees>", "eval"), {"__builtins__": {}})


RATE_FEATURE = "scope_rate"  # the feature the models read a ScopeRates figure as


@dataclass(frozen=True)
class ScopeRates:
    """How often each scope was what a model looks for (the plan's main scope, a need) in the training rows that
    held it, drawn towards the share of all rows (`usual`, also the figure of a scope no row held), as
    bench/train_missed.py counts them: some scopes mostly serve another, some are mostly needed when proposed."""

    rates: Mapping[str, float] = field(default_factory=dict)
    usual: float = 0.0

    def of(self, scope: str) -> float:
        """The scope's figure, or the usual share for a scope no training row held."""
        return self.rates.get(scope, self.usual)


@dataclass(frozen=True)
class Boosted:
    """The feature names in the trees' order, the log-odds before any tree, and the trees, their leaves
    already scaled by the learning rate; with how often each scope was what the trees look for, one of
    their features."""

    names: tuple[str, ...]
    start: float
    trees: tuple[Tree, ...]
    rates: ScopeRates
    summed: Callable[[list[float]], float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "summed", _summed(self.trees))

    @classmethod
    def read(cls: type[Model], data: dict[str, Any]) -> Model:
        """The model from its exported form."""
        return cls(tuple(data["features"]), float(data["start"]), tuple(Tree.read(tree) for tree in data["trees"]),
                   ScopeRates(data["scope_rates"], float(data["usual_rate"])))

    def probability(self, told: dict[str, float]) -> float:
        """The probability of the class the model was trained to find, for these feature values."""
        return logistic(self.start + self.summed([told[name] for name in self.names]))
