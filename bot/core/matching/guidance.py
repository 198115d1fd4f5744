"""Questions whose right answer is an explanation (bots, service apps, admin roles, guest issuer,
compliance role, webhooks): recognised from the cues each guidance entry lists in the knowledge
base."""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from bot.core.knowledge import Guidance


def _cue_pattern(cue: str) -> str:
    """A cue as a pattern: any run of spaces, straight or curly apostrophes, word-bounded."""
    escaped = re.escape(cue.lower()).replace(r"\ ", r"\s+").replace("'", "['\u2019]?")
    return r"(?<![\w@])" + escaped + r"(?!\w)"


class GuidanceFinder:
    """Finds the guidance topics a question touches, most cues first."""

    def __init__(self, guidance: Mapping[str, Guidance]):
        self._patterns = [(g.id, re.compile("|".join(_cue_pattern(c) for c in g.cues)))
                          for g in guidance.values() if g.cues]
        # Longest first, one at a time, so "my bot token" loses "bot token" as well as "my bot".
        self._who = self._cues(g for g in guidance.values() if g.cues_say_who)
        self._all = self._cues(guidance.values())

    @staticmethod
    def _cues(topics: Iterable[Guidance]) -> list[re.Pattern[str]]:
        phrases = sorted({c for g in topics for c in g.cues}, key=len, reverse=True)
        return [re.compile(_cue_pattern(c), re.IGNORECASE) for c in phrases]

    def topics(self, text: str) -> tuple[str, ...]:
        lowered = text.lower()
        counts = [(len(p.findall(lowered)), topic) for topic, p in self._patterns]
        return tuple(topic for n, topic in sorted(counts, key=lambda c: -c[0]) if n)

    def without_cues(self, text: str, every_topic: bool = False) -> str:
        """The text without the cues that say who asks ("my bot", "I'm not an admin" say which
        explanation applies, not which scope), or without every topic's cues."""
        for pattern in self._all if every_topic else self._who:
            text = pattern.sub(" ", text)
        return " ".join(text.split())
