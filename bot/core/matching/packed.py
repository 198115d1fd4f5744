"""The word models' numbers as they are stored: arrays of machine numbers, little-endian, in base64. A model's
tens of thousands of weights read this way in a few milliseconds, where as JSON numbers they took a tenth of a
second a model, most of a new process's start (the training scripts write them: bench/train_*.py)."""

from __future__ import annotations

import base64
import sys
from array import array
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Sized

_SWAPPED = sys.byteorder != "little"  # stored little-endian whatever the machine


def packed(values: Iterable[float], typecode: str = "d") -> str:
    """The values as an array of `typecode` ('d' double, 'H' and 'I' unsigned), in base64."""
    numbers = array(typecode, values)
    if _SWAPPED:
        numbers.byteswap()
    return base64.b64encode(numbers.tobytes()).decode("ascii")


def unpacked(text: str, typecode: str = "d") -> array:
    """The array `packed` stored."""
    numbers = array(typecode, base64.b64decode(text))
    if _SWAPPED:
        numbers.byteswap()
    return numbers


def aligned(*columns: Sized) -> None:
    """Raises ValueError unless a model's columns (its terms, their idf, their weights) are equally long: a file
    cut short or mixed up fails when it is read, not at some later question."""
    if len({len(column) for column in columns}) > 1:
        raise ValueError(f"a stored model's columns differ in length: {[len(c) for c in columns]}")


@dataclass(frozen=True)
class Rows:
    """Sparse rows, one a term: the classes a term speaks for and by how much, kept only where they count. Three
    arrays side by side: where each row starts (one more than there are rows), its classes, its weights."""

    starts: array
    classes: array
    weights: array

    @classmethod
    def pack(cls, rows: Iterable[Iterable[tuple[int, float]]]) -> dict[str, str]:
        """The rows, each of (class, weight) pairs, in their stored form."""
        starts, classes, weights = [0], [], []
        for row in rows:
            for c, weight in row:
                classes.append(c)
                weights.append(weight)
            starts.append(len(classes))
        return {"starts": packed(starts, "I"), "classes": packed(classes, "H"), "weights": packed(weights)}

    @classmethod
    def read(cls, data: dict[str, Any]) -> Rows:
        """The rows from their stored form; ValueError when the three arrays do not fit together."""
        rows = cls(unpacked(data["starts"], "I"), unpacked(data["classes"], "H"), unpacked(data["weights"]))
        aligned(rows.classes, rows.weights)
        if not rows.starts or rows.starts[0] != 0 or rows.starts[-1] != len(rows.classes):
            raise ValueError("a stored model's rows do not start at 0 and end at its last weight")
        return rows

    def __len__(self) -> int:
        return len(self.starts) - 1

    def row(self, i: int) -> Iterator[tuple[int, float]]:
        """The i-th row's classes and weights."""
        start, end = self.starts[i], self.starts[i + 1]
        return zip(self.classes[start:end], self.weights[start:end])
