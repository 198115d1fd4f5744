"""The HTTP method of a path written without one, read from the prose around it: "... /v1/people to
create users" is POST; a post that names one path and asks to show and to change it asks for both."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.answer import Need, Via
from bot.core.endpoints import EndpointQuery
from bot.core.matching.calls import Call
from bot.core.matching.clauses import CLAUSE_SPLIT_RE
from bot.core.matching.evidence import SCOPE_NAME_RE, endpoint_need
from bot.core.matching.frames import method_asked
from bot.core.matching.index import ScopeIndex
from bot.core.text import words


def with_asked_method(calls: tuple[Call, ...], prose: str, index: ScopeIndex) -> tuple[Call, ...]:
    """A URL or path written without its method takes the one the prose asks for near it ("...
    /v1/people to create users"); when that method is not documented for the path, its words
    are read ("edit my settings through /telephony/config/people/me" is no GET)."""
    kept = []
    for call in calls:
        asked = _method_near(call.endpoint.text, prose, index) if call.endpoint and not call.endpoint.method else None
        if asked is None:
            kept.append(call)
            continue
        also = _methods_beside(call.endpoint.text, prose, index) if len(calls) == 1 else []
        ways = [replace(call, endpoint=replace(call.endpoint, method=m)) for m in dict.fromkeys([asked, *also])]
        kept += ways[:1] + [w for w in ways[1:] if _twin_calls(ways[0], w, index)]
    return tuple(kept)


def _methods_beside(written: str, prose: str, index: ScopeIndex) -> list[str]:
    """The methods the other clauses ask for, when the post names one path and no other ("through
    /telephony/config/people/me: show the forwarding and let them change it"): each is a call, when
    its clause acts on that path's resource ('it', 'them', 'the PUT') and names no other, and does not say it
    is not wanted ("never change it", "can't make it work")."""
    own = {term for word in words(written) if (term := index.lexicon.term(word))}
    parts = [p for p in CLAUSE_SPLIT_RE.split(prose) if p and p.strip() and written not in p
             and not _DENIES_RE.search(p) and _REFERS_RE.search(p)
             and not {index.lexicon.term(w) for w in words(p)} - own & index.resource_terms]
    return [m for p in parts if (m := method_asked(SCOPE_NAME_RE.sub(" ", p), index))]


def _twin_calls(first: Call, other: Call, index: ScopeIndex) -> bool:
    """Whether two methods on one path are documented calls (on it, or on the paths under it: "the
    /telephony/config/people/me endpoints") needing a scope and its read/write twin."""
    needs = [(c.endpoint, endpoint_need(c.endpoint, frozenset(), index)) for c in (first, other) if c.endpoint]
    return (len(needs) == 2 and all(n is not None and _documented(e, n) for e, n in needs)
            and needs[0][1].scope.counterpart == needs[1][1].scope.name)


def _documented(endpoint: EndpointQuery, need: Need) -> bool:
    """Whether the need's scope documents the call, or a call of that method under its path."""
    under = endpoint.path.rstrip("/").lower() + "/"
    return need.via == Via.ENDPOINT or any(e.method == endpoint.method and e.path.lower().startswith(under)
                                           for e in need.scope.endpoints)


_DENIES_RE = re.compile(r"\b(?:never|not|no|don'?t|doesn'?t|won'?t|can'?t|cannot|couldn'?t|shouldn'?t|mustn'?t"
                        r"|isn'?t|without|only)\b", re.IGNORECASE)  # "never change it"
_REFERS_RE = re.compile(r"\b(?:it|them|these|those|(?-i:PUT|POST|PATCH|DELETE))\b", re.IGNORECASE)  # "the PUT fails"


def _method_near(written: str, prose: str, index: ScopeIndex) -> str | None:
    """The method the clause holding `written` asks for, else the next clause's, else an
    earlier one's: "list /v1/rooms and create /v1/messages" gives each its own."""
    parts = [p for p in CLAUSE_SPLIT_RE.split(prose) if p and p.strip()]
    at = next((i for i, p in enumerate(parts) if written in p), None)
    if at is None:
        return None
    for part in parts[at:] + parts[:at][::-1]:
        method = method_asked(SCOPE_NAME_RE.sub(" ", part.replace(written, " ")), index)
        if method:
            return method
    return None
