"""Questions about another product's scopes or bots (Slack, Discord, Microsoft Teams...) are
not about Webex, however much they share its words (channels, messages, bots)."""

from __future__ import annotations

from bot.core.knowledge import Vocabulary
from bot.core.matching.lexicon import any_of


class PlatformFinder:
    """Says which other product a question is about, when it names one and not Webex."""

    def __init__(self, vocab: Vocabulary):
        self._others = any_of(vocab.other_platforms)
        self._webex = any_of(vocab.webex_words)

    def other_platform(self, text: str) -> str | None:
        lowered = text.lower()
        found = self._others.search(lowered) if self._others else None
        if found is None or (self._webex and self._webex.search(lowered)):
            return None
        return found.group(0)
