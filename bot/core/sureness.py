"""How sure an answer is, in words: the first line of every answer that is not sure, the same on
the card and in the Markdown."""

from __future__ import annotations

from bot.core.answer import Answer

CONFIDENCE_TEXT = {"medium": "Fairly sure, not certain", "low": "Not sure"}


def sureness_line(answer: Answer) -> list[str]:
    """The first line of an answer that is not sure, card and Markdown alike; none when it is."""
    if answer.confident:
        return []
    scopes = "scopes" if len(answer.scopes) > 1 else "scope"
    return [f"**{CONFIDENCE_TEXT.get(answer.confidence.value, 'Not sure')}.** "
            f"Check the {scopes} below against what you need."]
