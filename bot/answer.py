"""What the matcher returns: an answer made of needs, each resolved to one scope."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge import Scope

SCOPE, PLAN, COMPARE, UNLOCKS, DECLINE = "scope", "plan", "compare", "unlocks", "decline"


@dataclass(frozen=True)
class Need:
    """One thing the asker wants to do, and the least-privilege scope for it."""

    text: str
    scope: Scope
    via: str  # "name", "endpoint" or "words"
    evidence: tuple[str, ...] = ()
    alternatives: tuple[Scope, ...] = ()
    score: float = 1.0


@dataclass(frozen=True)
class Answer:
    """The matcher's verdict on one question."""

    question: str
    kind: str
    needs: tuple[Need, ...] = ()
    why: str = ""
    confident: bool = True

    @property
    def answered(self) -> bool:
        return self.kind != DECLINE

    @property
    def scopes(self) -> list[str]:
        """Scope names, primary first, each once."""
        return list(dict.fromkeys(n.scope.name for n in self.needs))

    def to_json(self) -> dict:
        """The machine-readable summary printed by `ask --json`."""
        return {"question": self.question, "answered": self.answered, "scopes": self.scopes}
