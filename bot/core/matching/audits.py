"""Whether a message asks for a scope audit: it pastes an authorization URL, or lists the scopes
an app requests ("my integration requests spark:all, spark-admin:people_read … and only posts
messages") rather than asking about one scope or comparing two."""

from __future__ import annotations

import re

from bot.core.audit import Requested, requested_in, without_request
from bot.core.matching import tuning as t
from bot.core.matching.evidence import without_names
from bot.core.matching.index import ScopeIndex
from bot.core.matching.normalise import normalise, sentences_of

# what an app does with its scopes ("only posts messages", "just reads them")
_USE_VERBS = (r"(?:uses?|posts?|reads?|sends?|lists?|creates?|schedules?|gets?|fetch(?:es)?|downloads?|shows?"
              r"|displays?|sees?|writes?|deletes?|updates?|manages?|calls?)")
_AUDIT_CUE_RE = re.compile(
    r"\b(?:request(?:s|ed|ing)?|ask(?:s|ed|ing)?\s+for|ticked|selected|configured|approv\w*|refus\w*"
    r"|over-?privileg\w*|unneeded|unnecessary|not\s+needed|too\s+(?:many|broad|much)|least\s+privilege"
    r"|trim|audit|minimal|only\s+(?:does|needs?\s+to|" + _USE_VERBS + r"))\b",
    re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"\s*;\s*|\s+(?:but|though|although|yet)\s+", re.IGNORECASE)
# "... and only posts messages": what follows 'only' is the app's whole use when a verb of use does
# ("only meetings I host" and "only requesting X" say something else)
_ONLY_RE = re.compile(r"\b(?:only|just)\s+(?=" + _USE_VERBS + r"\b)", re.IGNORECASE)


def audit_request(text: str, index: ScopeIndex) -> Requested | None:
    """The scopes to audit, or None when the message is not asking for an audit."""
    requested = requested_in(text)
    if requested.url:
        return requested
    if len(requested.names) < t.AUDIT_MIN_NAMES or not _AUDIT_CUE_RE.search(normalise(text).prose):
        return None  # the cue in the prose: `requests.patch(...)` in pasted code asks for nothing
    known = [n for n in requested.names if index.kb.get(n) is not None]
    if len(known) < t.AUDIT_MIN_NAMES or index.lexicon.asks_to_compare(without_names(text)):
        return None
    return requested


def described_use(text: str) -> str:
    """What the app does, from an audit request: the parts after 'only' or 'just' ("... and
    only posts messages") when there are any, else the sentences that are not about the request
    itself ("the admin refuses to approve it")."""
    parts = [p for s in sentences_of(without_request(text)) for p in _CLAUSE_END_RE.split(s)]
    only = [p[m.end():] for p in parts if (m := _ONLY_RE.search(p))]
    kept = only or [p for p in parts if not _AUDIT_CUE_RE.search(p)]
    return " ".join(" ".join(kept).split())
