"""A logistic regression over standardised named features, as bench/train_doubt.py exports the model of
doubt, read with the standard library; and the logistic function every trained model of the engine ends in."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, TypeVar

Model = TypeVar("Model", bound="Logit")


def logistic(z: float) -> float:
    """1 / (1 + e^-z), without overflow however far z is from 0."""
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z)
    return e / (1 + e)


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
        return logistic(z)
