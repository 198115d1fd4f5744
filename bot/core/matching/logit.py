"""A logistic regression over standardised named features, as bench/train_doubt.py exports the model of
doubt, read with the standard library."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, TypeVar

Model = TypeVar("Model", bound="Logit")


@dataclass(frozen=True)
class Logit:
    """feature -> (mean, scale, weight), and the intercept."""

    features: dict[str, tuple[float, float, float]]
    intercept: float

    @classmethod
    def read(cls: type[Model], data: dict[str, Any]) -> Model:
        """The model from its exported form."""
        return cls({name: tuple(values) for name, values in data["features"].items()}, data["intercept"])

    def probability(self, told: dict[str, float]) -> float:
        """The probability of the class the model was trained to find, for these feature values."""
        z = self.intercept + sum((told[name] - mean) / scale * weight
                                 for name, (mean, scale, weight) in self.features.items())
        return 1 / (1 + math.exp(-z))
