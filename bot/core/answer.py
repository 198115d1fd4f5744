"""What the answer engine returns: an answer made of needs, each resolved to one scope, with how
sure the engine is and what it assumed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from bot.core.audit import ScopeAudit
from bot.core.knowledge import Scope


class AnswerKind(str, Enum):
    """The kinds of answer the bot gives; each has its own card."""

    SCOPE = "scope"  # one need, one scope
    PLAN = "plan"  # several needs: the minimal set of scopes
    COMPARE = "compare"  # scopes named side by side
    UNLOCKS = "unlocks"  # what a named scope lets an app do
    GUIDANCE = "guidance"  # the right answer is an explanation (bots, admin role...), not a scope
    CLARIFY = "clarify"  # two readings lead to different scopes: the asker picks one
    AUDIT = "audit"  # the scopes an app requests, checked against what it does
    DECLINE = "decline"  # not about Webex scopes, or not understood
    HELP = "help"  # a command's reply (help, the list of areas): no question to answer


class Confidence(str, Enum):
    """How sure the engine is; calibrated so that HIGH answers are almost never wrong."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Via(str, Enum):
    """How a need was found, strongest evidence first."""

    NAME = "name"  # the question spells the scope's name
    ENDPOINT = "endpoint"  # an API call written as METHOD + path, a URL or SDK call
    WORDS = "words"  # plain words


HELD_NEED = "already granted: keep it"  # what a scope the app has stands for in the whole list


@dataclass(frozen=True)
class Need:
    """One thing the asker wants to do, and the least-privilege scope for it."""

    text: str
    scope: Scope
    via: Via
    evidence: tuple[str, ...] = ()
    alternatives: tuple[Scope, ...] = ()
    score: float = 1.0
    together: tuple[Scope, ...] = ()  # scopes that must be granted with `scope` for this call
    inferred: bool = False  # the scope is not documented for the call asked about, but for its counterpart


@dataclass(frozen=True)
class CallScopes:
    """One API call found in pasted code: the call as written, its documented METHOD and path,
    and its scopes, least privilege first and then those granted with it (none: not mapped)."""

    call: str
    method: str | None
    path: str | None
    scopes: tuple[str, ...]
    host: str | None = None

    @property
    def mapped(self) -> bool:
        """Whether a documented call (and so a scope) was found for it."""
        return bool(self.scopes)

    def to_json(self) -> dict:
        """The row in `ask --json`'s `calls` list."""
        return {"call": self.call, "method": self.method, "path": self.path, "scopes": list(self.scopes),
                "host": self.host}


@dataclass(frozen=True)
class Answer:
    """The engine's verdict on one question."""

    question: str
    kind: AnswerKind
    needs: tuple[Need, ...] = ()
    why: str = ""
    confidence: Confidence = Confidence.HIGH
    assumptions: tuple[str, ...] = ()
    guidance: tuple[str, ...] = ()  # guidance topic ids, most relevant first
    calls: tuple[CallScopes, ...] = ()  # the API calls in pasted code, one row each
    audit: ScopeAudit | None = None  # for an AUDIT answer: requested against needed

    @property
    def answered(self) -> bool:
        return self.kind != AnswerKind.DECLINE

    @property
    def confident(self) -> bool:
        return self.confidence == Confidence.HIGH

    @property
    def scopes(self) -> list[str]:
        """The recommended set: each need's scope, primary first, then the scopes that must be
        granted together with them; each once."""
        names = [n.scope.name for n in self.needs] + [s.name for n in self.needs for s in n.together]
        return list(dict.fromkeys(names))

    @property
    def alternatives(self) -> list[str]:
        """Other scopes the engine considered, best first, none of them already recommended."""
        chosen = set(self.scopes)
        ranked = (s.name for n in self.needs for s in n.alternatives)
        return [name for name in dict.fromkeys(ranked) if name not in chosen]

    @property
    def readings(self) -> list[Scope]:
        """For a clarifying answer, the scopes of the readings to choose from, likeliest first."""
        return [self.needs[0].scope, *self.needs[0].alternatives] if self.needs else []

    def top(self, k: int) -> list[str]:
        """The first `k` scopes shown: the recommended ones, then the alternatives."""
        return (self.scopes + self.alternatives)[:k]

    def to_json(self) -> dict:
        """The machine-readable summary printed by `ask --json` (fields are only ever added)."""
        return {"question": self.question, "answered": self.answered, "kind": self.kind.value,
                "scopes": self.scopes, "alternatives": self.alternatives,
                "confidence": self.confidence.value, "assumptions": list(self.assumptions),
                "guidance": list(self.guidance), "calls": [c.to_json() for c in self.calls],
                "audit": self.audit.to_json() if self.audit else None}
