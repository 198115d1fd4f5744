"""How sure the engine is: confidence from the evidence behind an answer, with thresholds set on
the development sets so that high-confidence answers are almost never wrong (see
bench/calibrate.py and docs/benchmarks.md)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.answer import Confidence, Via
from bot.core.matching import tuning as t


@dataclass(frozen=True)
class Signals:
    """What an answer rests on, for calibration."""

    via: Via
    coverage: float = 1.0  # share of the question the scope explains
    margin: float = 1.0  # score lead over the runner-up
    unknown_share: float = 0.0  # words the knowledge base does not know, as a share
    repaired: int = 0  # words read as another after a typo repair
    translated: bool = False  # read from another language
    focused: bool = False  # a long post read through the sentences that ask
    ambiguous_owner: bool = False  # an endpoint documented under scopes for different actors
    split: bool = False  # one of several needs read from separate clauses (a reading that may miss one)


def confidence(signals: Signals) -> Confidence:
    """HIGH, MEDIUM or LOW for one need."""
    if signals.via == Via.NAME:
        return Confidence.MEDIUM if signals.focused else Confidence.HIGH
    if signals.via == Via.ENDPOINT:
        return Confidence.MEDIUM if signals.ambiguous_owner or signals.translated else Confidence.HIGH
    if signals.coverage < t.CONFIDENT_FROM:
        return Confidence.LOW
    high = (signals.coverage >= t.HIGH_COVERAGE and signals.margin >= t.HIGH_MARGIN
            and signals.unknown_share <= t.HIGH_MAX_UNKNOWN and signals.repaired <= t.HIGH_MAX_REPAIRED
            and not signals.translated and not signals.focused and not signals.split)
    return Confidence.HIGH if high else Confidence.MEDIUM


def weakest(levels: list[Confidence]) -> Confidence:
    """An answer of several needs is as sure as its least sure need."""
    order = [Confidence.LOW, Confidence.MEDIUM, Confidence.HIGH]
    return min(levels, key=order.index) if levels else Confidence.LOW
