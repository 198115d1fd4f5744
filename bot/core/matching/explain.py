"""Says in words how an answer was found, or why the question was declined."""

from __future__ import annotations

from bot.core.answer import Need, Via
from bot.core.matching.query import Query


def why(needs: list[Need]) -> str:
    """One line per need: the name, the documented endpoint, or the words that matched."""
    parts = []
    for need in needs:
        if need.via == Via.NAME:
            parts.append(f"you named {need.scope.name}")
        elif need.via == Via.ENDPOINT:
            parts.append(f"{need.evidence[0]} is documented under {need.scope.name}")
        else:
            parts.append(f"'{need.text}' matches {need.scope.name} on: {', '.join(need.evidence)}")
    return "; ".join(parts)


def decline_reason(query: Query) -> str:
    if not query.terms:
        return "nothing in the question matches a Webex scope, API or feature I know"
    return "the question only loosely matches Webex scopes, so I would rather not guess"
