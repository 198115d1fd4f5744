"""A need read as a frame, resource x action: which documented call of its scope it is about,
and so which scopes must be granted together with it (create a user is POST /v1/people, which
also needs spark-admin:people_read)."""

from __future__ import annotations

from dataclasses import replace

from bot.core.answer import Need, Via
from bot.core.endpoints import Endpoint
from bot.core.knowledge import Scope
from bot.core.matching.index import ScopeIndex
from bot.core.matching.lexicon import tells_an_outcome
from bot.core.matching.query import repaired_term
from bot.core.text import words


def method_asked(text: str, index: ScopeIndex) -> str | None:
    """The HTTP method the first action verb asks for ('create', 'creating' -> POST; not the
    noun 'settings', nor what a call got back: "gets a 403"), or None."""
    by_form = index.lexicon.method_forms
    said = words(text)
    for at, word in enumerate(said):
        if tells_an_outcome(said, at):
            continue
        fixed = word if word in by_form else index.speller.correct(word)
        if fixed in by_form:
            return by_form[fixed]
    return None


def documented_call(scope: Scope, text: str, index: ScopeIndex) -> Endpoint | None:
    """The scope's endpoint this need is about: the asked method on the path that shares most
    words with the need; None when no endpoint fits both."""
    method = method_asked(text, index)
    asked = {t for w in words(text) if (t := _term(w, index))}
    best, best_overlap = None, 0
    for endpoint in scope.endpoints:
        if method and endpoint.method != method and not (method == "PUT" and endpoint.method == "PATCH"):
            continue
        segment_terms = {t for s in endpoint.segments for w in words(s) if (t := index.lexicon.term(w))}
        overlap = len(asked & segment_terms)
        if overlap > best_overlap or (overlap == best_overlap and best is not None and _shorter(endpoint, best)):
            best, best_overlap = endpoint, overlap
    return best if best_overlap else None


def _term(word: str, index: ScopeIndex) -> str | None:
    """The word's term, its misspelling repaired as the question's is ("transcrpts of my meetigns")."""
    term = index.lexicon.term(word)
    return term if term in index.postings else repaired_term(word, index) or term


def _shorter(a: Endpoint, b: Endpoint) -> bool:
    return len(a.segments) < len(b.segments)


def together(need: Need, index: ScopeIndex, endpoint: Endpoint | None = None, said: str = "") -> tuple[Scope, ...]:
    """The scopes that must be granted with the need's scope for this call (for a call that needs them
    only in some cases, when the question `said` so: a meeting created with a roomId)."""
    call = endpoint if endpoint is not None else (
        None if need.via == Via.NAME else documented_call(need.scope, need.text, index))
    names = list(need.scope.requires_scopes) + list(call.requires_scopes if call and not call.when else ())
    names += _in_the_case_told(need.scope, said, index)
    names += [s.name for s in _requiring_owners(need, endpoint)[:1]]
    return tuple(s for name in dict.fromkeys(names) if (s := index.kb.get(name)) is not None and s != need.scope)


def _in_the_case_told(scope: Scope, said: str, index: ScopeIndex) -> list[str]:
    """What the scope's calls need in a case the question tells: a call whose method the question asks
    for ("create", "schedule") and whose case it names ("tied to the space", "roomId")."""
    if not any(e.when for e in scope.endpoints):  # most scopes: no need to read the question again
        return []
    lowered, methods = said.lower(), {index.lexicon.method_forms.get(w) for w in words(said)}
    return [name for e in scope.endpoints if e.when and e.method in methods and any(p in lowered for p in e.when)
            for name in e.requires_scopes]


def _requiring_owners(need: Need, endpoint: Endpoint | None) -> list[Scope]:
    """The call's other owners that are documented as needing the need's scope with them, in the
    order the call's owners were ranked: a device activation code needs spark-admin:devices_write
    and one of two one-time-password scopes, and the first, Identity:one_time_password (people and
    workspaces alike), goes along; the workspace-only one stays an alternative."""
    if endpoint is None:
        return []
    return [s for s in need.alternatives if any(
        e.operation == endpoint.operation and need.scope.name in e.requires_scopes for e in s.endpoints)]


def with_together(needs: list[Need], index: ScopeIndex, said: str = "") -> list[Need]:
    """Each need with the scopes that must go with it, for the question that `said` it, after those it
    carries already (the scope an app has, beside the one it lacks for the same call)."""
    return [replace(n, together=_joined(n.together, together(n, index, matched_endpoint(n), said))) for n in needs]


def _joined(carried: tuple[Scope, ...], found: tuple[Scope, ...]) -> tuple[Scope, ...]:
    """The scopes a need carries, then those found for it, each once."""
    return tuple(dict.fromkeys(carried + found))


def matched_endpoint(need: Need) -> Endpoint | None:
    """For a need found from an endpoint, the documented endpoint itself."""
    if need.via != Via.ENDPOINT or not need.evidence:
        return None
    return next((e for e in need.scope.endpoints if str(e) == need.evidence[0]), None)
