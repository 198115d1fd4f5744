"""A lookup that serves an admin's change is the admin's too: in a plan whose other needs act on the
organization as an admin ("create a hunt group ... looking each agent up by email"), finding the people
it acts on reads the organization's directory, which the admin form of the read scope covers; so does listing
all of what only an admin may list whole ("loop over all users in the org and update each one's caller ID")."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.answer import AnswerKind, Need, Via
from bot.core.knowledge import KnowledgeBase, Scope
from bot.core.matching.calibrate import Signals
from bot.core.matching.explain import twin

# "look up the person by email", "resolve each actorId to a name", "get their personId": a read that only
# finds what another step acts on or shows
_LOOKS_UP_RE = re.compile(r"\b(?:look(?:s|ing)?\s+(?:\w+\s+){0,3}?up|lookups?|finds?|finding|search(?:es|ing)?"
                          r"|resolv\w*|enrich\w*|personids?|ids?\s+of)\b", re.IGNORECASE)


# "list all users", "loop over every person": the whole list, which for some scopes only an admin gets
_ENUMERATES_RE = re.compile(r"\b(?:lists?|listing|all|every|each|everyone|everybody|loops?|looping|iterat\w*)\b",
                            re.IGNORECASE)


# "loops over all users in the org", "everyone assigned to the Leeds location": the organization's people gone
# through one by one, which only an admin lists whole (not "the meetings of every user in the org", which the
# admin scope of the meetings lists whole itself)
_EVERY_PERSON_RE = re.compile(
    r"\b(?:loops?|looping|iterat\w*|go(?:es)?|going|walks?|walking)\s+(?:over|through)\s+(?:all|every|each)\s+"
    r"(?:the\s+)?(?:users|people|persons|employees)\b"
    r"|\b(?:everyone|everybody|all\s+(?:the\s+)?(?:users|people))\s+(?:assigned\s+to|at|in)\s+(?:the|our|that|each)\s+"
    r"(?:[\w-]+\s+){0,2}?locations?\b", re.IGNORECASE)
_PEOPLE_READ = "spark-admin:people_read"

# "read each user's audio preferences", "the voicemail settings of every user", "another host's webinar": what others
# hold, which, where the post says an admin acts, the admin reads or changes for them
_WHOSE = r"(?:users?|hosts?|employees?|persons?)"
_OTHERS_RE = re.compile(rf"\b(?:each|every|any|all|other|another)\s+(?:other\s+)?{_WHOSE}(?:['’]s\b|s['’])"
                        rf"|\bof\s+(?:each|every|any|all|other|another)\s+(?:the\s+)?{_WHOSE}\b", re.IGNORECASE)
_FORMED_KINDS = frozenset({AnswerKind.PLAN, AnswerKind.SCOPE, AnswerKind.CLARIFY})  # answers whose needs take forms


def looked_up(text: str) -> bool:
    """Whether a need's words tell a lookup of what another step uses."""
    return bool(_LOOKS_UP_RE.search(text))


def by_the_admin(needs: list[Need] | tuple[Need, ...], cues: frozenset[str]) -> bool:
    """Whether the needs act on the organization as its admin, and the post does not say a user acts too."""
    return "user" not in cues and any(n.scope.audience == "admin" for n in needs)


def as_the_admin(needs: list[Need], signals: list[Signals], kind: AnswerKind, cues: frozenset[str],
                 kb: KnowledgeBase) -> tuple[list[Need], list[Signals]]:
    """An answer's needs and their signals, each user-level lookup beside a need of the organization's admin, and
    each need of what others hold in a post that says an admin acts, given in its admin form, once."""
    beside_admin = by_the_admin(needs, cues)
    if kind not in _FORMED_KINDS or not (beside_admin or cues & {"admin", "user"} == {"admin"}):
        return needs, signals
    formed = [admin_form(need, kb, beside_admin) for need in needs]
    admins = {new.scope for new, old in zip(formed, needs) if new.scope != old.scope}
    kept: dict[Scope, tuple[Need, Signals]] = {}
    for need, signal in zip(formed, signals):
        kept.setdefault((need := _beside_its_counterpart(need, admins, kb)).scope, (need, signal))
    return [n for n, _ in kept.values()], [s for _, s in kept.values()]


def _beside_its_counterpart(need: Need, admins: set[Scope], kb: KnowledgeBase) -> Need:
    """A user-level need whose admin form's counterpart a need of the plan took (`admins`), in that form too: "read
    each user's preferences, then change them" changes what the admin read."""
    other = admin_twin(need.scope, kb, reads_only=False) if need.via == Via.WORDS else None
    if other is None or kb.get(other.counterpart or "") not in admins:
        return need
    return _in_form(need, other)


def with_the_people_listed(needs: list[Need], signals: list[Signals], kind: AnswerKind, cues: frozenset[str],
                           text: str, kb: KnowledgeBase) -> tuple[list[Need], list[Signals]]:
    """An admin's needs, and the admin read of the organization's people when the post goes through them one by
    one ("loop over all users in the org and update each one's Personal Room") and no need reads or changes
    people yet."""
    found = _EVERY_PERSON_RE.search(text)
    if (found is None or kind not in (AnswerKind.SCOPE, AnswerKind.PLAN) or not by_the_admin(needs, cues)
            or any(n.scope.key.split(":")[-1].startswith("people_") for n in needs)):
        return needs, signals
    need = Need(found.group(0), kb[_PEOPLE_READ], Via.WORDS, score=needs[-1].score)
    return [*needs, need], [*signals, replace(signals[-1], split=True)]


def _lists_whole(need: Need, kb: KnowledgeBase) -> bool:
    """Whether a need lists or loops over all of what only an admin may list whole ("loop over all users")."""
    return need.scope.key in kb.vocabulary.admin_lists_whole and bool(_ENUMERATES_RE.search(need.text))


def admin_twin(scope: Scope, kb: KnowledgeBase, reads_only: bool = True) -> Scope | None:
    """The admin form in use of a user read scope (spark-admin:people_read for spark:people_read), or of any user
    scope without `reads_only`; else None."""
    other = twin(scope, kb) if scope.audience == "user" and (scope.access == "read" or not reads_only) else None
    return other if other is not None and other.audience == "admin" and not other.deprecated else None


def admin_form(need: Need, kb: KnowledgeBase, lookups: bool = True) -> Need:
    """A need read from words of what others hold ("each user's settings"), or (with `lookups`) a lookup or one
    listing what only an admin lists whole, in the admin form of its scope, the user form kept as its first
    alternative; any other need as it is."""
    if need.via == Via.NAME:
        return need
    if _OTHERS_RE.search(need.text):
        other = admin_twin(need.scope, kb, reads_only=False)
    elif lookups and (looked_up(need.text) or _lists_whole(need, kb)):
        other = admin_twin(need.scope, kb)
    else:
        return need
    return need if other is None else _in_form(need, other)


def _in_form(need: Need, other: Scope) -> Need:
    """The need with `other` as its scope, the scope it had kept as its first alternative."""
    return replace(need, scope=other, alternatives=(need.scope, *(s for s in need.alternatives if s != other)))
