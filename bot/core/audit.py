"""A scope audit: the scopes an integration requests against the scopes what it does needs, so
an admin is not asked to approve more than the app uses and nothing it uses is left out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import parse_qsl, quote, urlsplit

from bot.core.knowledge import KnowledgeBase
from bot.core.oauth import ALWAYS_INCLUDED, AppLinks, authorize_url

_AUTHORIZE_RE = re.compile(r"https?://[\w.-]+/v1/authorize\?[^\s<>\"'`]+", re.IGNORECASE)
_NAME_RE = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z-]*:[A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9]")  # not host:8080


@dataclass(frozen=True)
class Requested:
    """The scopes an integration asks for, and the authorization URL they came in, if any."""

    names: tuple[str, ...]
    url: str | None = None


def find_authorization_url(text: str) -> str | None:
    """The first Webex authorization URL in `text` that carries a scope parameter."""
    for m in _AUTHORIZE_RE.finditer(text):
        if any(key == "scope" for key, _ in parse_qsl(urlsplit(m.group(0)).query)):
            return m.group(0)
    return None


def requested_in(text: str) -> Requested:
    """The requested scopes: those of an authorization URL when there is one, else every
    scope-like name in `text` (space, comma or newline separated), each once."""
    url = find_authorization_url(text)
    if url:
        scope = dict(parse_qsl(urlsplit(url).query)).get("scope", "")
        return Requested(tuple(dict.fromkeys(scope.replace(",", " ").split())), url)
    return Requested(tuple(dict.fromkeys(_NAME_RE.findall(text))))


def without_request(text: str) -> str:
    """`text` without its authorization URL and scope names: what is left says what the app does."""
    return _NAME_RE.sub(" ", _AUTHORIZE_RE.sub(" ", text))


@dataclass(frozen=True)
class ScopeAudit:
    """What to remove, what to add, and the authorization URL with just the needed scopes."""

    requested: tuple[str, ...]
    needed: tuple[str, ...]
    unneeded: tuple[str, ...]
    missing: tuple[str, ...]
    minimal: tuple[str, ...]
    unknown: tuple[str, ...]  # requested names that are no Webex scope
    authorization_url: str | None  # None without a pasted URL or the app's own settings to build on

    @property
    def described(self) -> bool:
        """Whether the question said what the app does; without it nothing is unneeded."""
        return bool(self.needed)

    @property
    def scope_parameter(self) -> str:
        """The minimal set as the `scope` value of an authorization URL, encoded."""
        return quote(" ".join(self.minimal), safe="")

    def to_json(self) -> dict:
        """The audit's fields for `ask --json` and `audit --json` (fields are only ever added)."""
        return {"requested": list(self.requested), "needed": list(self.needed), "unneeded": list(self.unneeded),
                "missing": list(self.missing), "minimal": list(self.minimal), "unknown": list(self.unknown),
                "authorization_url": self.authorization_url, "scope_parameter": self.scope_parameter,
                "described": self.described}


def audit(requested: Requested, needed: Iterable[str], kb: KnowledgeBase,
          links: AppLinks = AppLinks()) -> ScopeAudit:
    """Compare what is requested with what is `needed`; with nothing needed (the app's use not
    described) the known requested scopes are kept as they are and only unknown names flagged.
    spark:kms is always kept, as the portal adds it; an umbrella scope (spark:all) covers what
    it stands for only while it stays."""
    needed = tuple(dict.fromkeys(needed))
    known = [kb.get(n) for n in requested.names]
    unknown = tuple(n for n, s in zip(requested.names, known) if s is None)
    asked = [s for s in known if s is not None]
    if not needed:
        minimal = _with_kms(s.name for s in asked) if asked else ()
        url = corrected_url(requested, minimal, links)
        return ScopeAudit(requested.names, (), (), (), minimal, unknown, url)
    minimal = _with_kms(needed)
    kept = [a for a in asked if a.name in minimal]
    wanted = [s for n in needed if (s := kb.get(n)) is not None]
    missing = tuple(s.name for s in wanted if s not in asked and not any(a.stands_for(s) for a in kept))
    unneeded = tuple(dict.fromkeys(s.name for s in asked if s.name not in minimal))
    return ScopeAudit(requested.names, needed, unneeded, missing, minimal, unknown,
                      corrected_url(requested, minimal, links))


def _with_kms(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*names, ALWAYS_INCLUDED)))


def corrected_url(requested: Requested, scopes: tuple[str, ...], links: AppLinks = AppLinks()) -> str | None:
    """The authorization URL asking for `scopes` only: the pasted URL's other parameters kept
    (rebuilt on webexapis.com and encoded, so nothing pasted reaches the reply raw), else the
    app's own link from its settings; None when there is neither, or no scope to ask for."""
    if not scopes:
        return None
    if requested.url is None:
        return links.authorize(scopes)
    params = dict(parse_qsl(urlsplit(requested.url).query))
    params["scope"] = " ".join(scopes)
    return authorize_url(params)
