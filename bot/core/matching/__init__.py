"""The answer engine, as stages: lexicon and index (built once), question evidence, clauses,
ranking, calibration and explanation. `Matcher` is the entry point."""

from bot.core.matching.matcher import Matcher

__all__ = ["Matcher"]
