"""Says in words how an answer was found, or why the question was declined."""

from __future__ import annotations

from dataclasses import replace

from bot.core.answer import Need, Via
from bot.core.knowledge import KnowledgeBase, Language, Scope
from bot.core.matching.query import Query
from bot.core.matching.read_only import says_read_only


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


def language_decline(language: Language) -> str:
    return (f"I could not read this {language.name} question well enough. I answer in English: "
            "please ask again in English, or name the API endpoint or scope")


def with_twins(need: Need, kb: KnowledgeBase, cues: frozenset[str] = frozenset(), prose: str = "") -> Need:
    """A need read from words, with its read/write counterpart and its other actor's scope after the
    alternatives it has: when the answer is not sure, the asker may mean either ("Also close"); not
    the write one when the post says read only, nor the other actor's when it says who acts."""
    if need.via != Via.WORDS:
        return need
    counterpart = kb.get(need.scope.counterpart) if need.scope.counterpart and not (
        need.scope.access == "read" and says_read_only(prose)) else None
    other = twin(need.scope, kb)
    if other is not None and need.scope.audience in cues and other.audience not in cues:
        other = None  # "as a normal user": not the admin form
    more = [s for s in (counterpart, other) if s is not None and not s.deprecated
            and s != need.scope and s not in need.alternatives]
    return replace(need, alternatives=need.alternatives + tuple(more)) if more else need


def twin(scope: Scope, kb: KnowledgeBase) -> Scope | None:
    """The same resource for the other actor: spark:people_read <-> spark-admin:people_read,
    meeting:recordings_read <-> meeting:admin_recordings_read."""
    prefix, _, rest = scope.name.partition(":")
    if prefix == "spark":
        return kb.get(f"spark-admin:{rest}")
    if prefix == "spark-admin":
        return kb.get(f"spark:{rest}")
    if prefix == "meeting":  # an admin form may drop the plural: meeting:admin_schedule_read
        if rest.startswith("admin_"):
            plain = rest.removeprefix("admin_")
            return kb.get(f"meeting:{plain}") or kb.get(f"meeting:{_plural_first(plain)}")
        return kb.get(f"meeting:admin_{rest}") or kb.get(f"meeting:admin_{_singular_first(rest)}")
    return None


def _singular_first(name: str) -> str:
    """'schedules_read' -> 'schedule_read'."""
    first, _, access = name.partition("_")
    return f"{first.removesuffix('s')}_{access}"


def _plural_first(name: str) -> str:
    """'schedule_read' -> 'schedules_read'."""
    first, _, access = name.partition("_")
    return f"{first}s_{access}"


def replaced(needs: list[Need], kb: KnowledgeBase) -> tuple[str, ...]:
    """Why a named deprecated scope was answered with another: it no longer works."""
    return tuple(f"{old.name} no longer works ({old.deprecated}), so its replacement is given."
                 for n in needs if n.via == Via.NAME and n.evidence and n.evidence[0] != n.scope.name
                 and (old := kb.get(n.evidence[0])) is not None and old.deprecated)


def serves_the_call(need: Need, other: Scope) -> bool:
    """Whether the other actor's scope also documents the call a need was read from (PUT /v1/people/{personId}
    is an admin's alone: spark:people_write changes only some calling settings); a need read from words, yes."""
    return need.via != Via.ENDPOINT or any(str(e) == need.evidence[0] for e in other.endpoints)


def assumptions(needs: list[Need], cues: frozenset[str], language: Language | None, english: str,
                kb: KnowledgeBase) -> tuple[str, ...]:
    """What an answer that is not sure took for granted, said plainly."""
    notes = []
    if language is not None:
        notes.append(f"this {language.name} question was read by its technical words, as \"{english}\"; the "
                     "answer is in English.")
    if len(needs) == 1 and not cues & {"admin", "compliance", "partner", "service-app", "user"}:
        scope = needs[0].scope
        other = twin(scope, kb)
        if other is not None and not other.deprecated and serves_the_call(needs[0], other):
            if scope.audience == "user":
                notes.append(f"the app acts for the signed-in user only; to act for everyone in the "
                             f"organization, an admin authorizes {other.name}.")
            elif other.audience == "user":
                notes.append(f"an administrator authorizes the app for the whole organization; for a "
                             f"user's own data, {other.name} is enough.")
    return tuple(notes)
