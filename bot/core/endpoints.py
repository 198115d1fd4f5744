"""API endpoints: parsing documented templates, finding endpoints in questions, and matching.

A template such as `GET /v1/people/{personId}` matches `GET /v1/people/Y2lz...` and
`https://webexapis.com/v1/people/Y2lz...?max=10`; literal segments beat placeholders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, Iterable, Sequence, TypeVar

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
DEFAULT_HOST = "webexapis.com"
# Domains of Webex APIs: webexapis.com (and analytics-calling.webexapis.com...), the older
# ciscospark.com and wbx2.com, webex.com, and Contact Center's api.wxcc-<region>.cisco.com.
WEBEX_DOMAIN = r"(?:webex|webexapis|ciscospark|wbx2|wxcc-[\w-]+\.cisco)\.com"
_WEBEX_HOST_RE = re.compile(rf"(?:^|\.){WEBEX_DOMAIN}$", re.IGNORECASE)


def is_webex_host(host: str) -> bool:
    """Whether `host` serves a Webex API (a subdomain counts; 'evilwebex.com' does not)."""
    return bool(_WEBEX_HOST_RE.search(host))

_TEMPLATE_RE = re.compile(
    r"^(?P<method>[A-Z]+)\s+(?:https://(?P<host>[A-Za-z0-9.-]+))?(?P<path>/\S*)(?:\s+\((?P<note>.+)\))?$"
)
_QUESTION_RE = re.compile(
    r"(?:(?P<method>\b(?:get|post|put|patch|delete)\b)\s+"
    r"(?:(?<=(?-i:[A-Z]) )(?:on|to|against)\s+)?)?"  # "the PUT on /x": a method in capitals, then its path
    # a URL's path, not the stop or colon after it ("... from GET https://webexapis.com/v1/devices.")
    r"(?P<url>https?://(?P<host>[A-Za-z0-9.-]+)(?P<urlpath>/[^\s?#'\"\\),;`]*[^\s?#'\"\\),;`.:!])?(?:\?[^\s#'\"`]*)?"
    r"|(?<![\w/])(?:[a-z0-9-]+\.webexapis\.com|webexapis\.com)?(?P<path>/[A-Za-z0-9_{}.:/-]*[A-Za-z0-9_}]))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Endpoint:
    """One documented API operation: method, host and path template, with an optional note.

    `requires_scopes` and `roles` hold what this one call needs beyond its owner scope
    (scopes granted together with it; admin roles, personas or licences by id); `when` limits the
    scopes to questions that say one of its phrases (a meeting created for a space, with a roomId).
    """

    method: str
    path: str
    host: str = DEFAULT_HOST
    note: str | None = None
    requires_scopes: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    when: tuple[str, ...] = ()  # phrases of a question that make this call need requires_scopes ("roomid")

    def __str__(self) -> str:
        return self.shown(with_host=self.host != DEFAULT_HOST)

    def shown(self, with_host: bool) -> str:
        """Method, path and note, with the host in front or not ("POST /v1/tasks/{taskId}/end")."""
        host = f"https://{self.host}" if with_host else ""
        note = f" ({self.note})" if self.note else ""
        return f"{self.method} {host}{self.path}{note}"

    @property
    def segments(self) -> tuple[str, ...]:
        return _segments(self.path)

    @property
    def operation(self) -> tuple[str, str, str]:
        """The call itself, without its note: two entries' notes on one call may differ."""
        return self.method, self.host, self.path


def shown_on(endpoints: Sequence[Endpoint]) -> tuple[str, list[str]]:
    """The endpoints as a reader sees them: when all are on one host other than webexapis.com, that host said
    once (" on api.wxcc-us1.cisco.com") and each call as method and path, short enough for a phone; else
    each call as it is."""
    hosts = {e.host for e in endpoints}
    if len(hosts) == 1 and DEFAULT_HOST not in hosts:
        return f" on {hosts.pop()}", [e.shown(with_host=False) for e in endpoints]
    return "", [str(e) for e in endpoints]


def _segments(path: str) -> tuple[str, ...]:
    return tuple(s for s in path.strip().split("/") if s)


def _is_placeholder(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


def parse_endpoint(text: str) -> Endpoint:
    """Parse a documented endpoint like `GET /v1/rooms/{roomId}` (ValueError if malformed)."""
    m = _TEMPLATE_RE.match(text.strip())
    if not m or m["method"] not in METHODS:
        raise ValueError(f"{text!r} is not 'METHOD /path' with METHOD one of {', '.join(METHODS)}")
    path = m["path"].split("?", 1)[0].rstrip("/") or "/"
    return Endpoint(m["method"], path, (m["host"] or DEFAULT_HOST).lower(), m["note"])


@dataclass(frozen=True)
class EndpointQuery:
    """An endpoint mentioned in a question; the method may be missing."""

    text: str
    method: str | None
    path: str
    host: str | None


def find_endpoints(question: str) -> list[EndpointQuery]:
    """Endpoints mentioned in free text: `POST /v1/messages`, full URLs with real ids, bare paths."""
    found = []
    for m in _QUESTION_RE.finditer(question):
        path = m["urlpath"] if m["url"] and m["url"].lower().startswith("http") else m["path"]
        if not path or len(_segments(path)) == 0:
            continue
        method = m["method"].upper() if m["method"] else None
        for also in _methods_before(question[:m.start()]) if method else []:  # "GET/PUT /v1/x": both
            found.append(EndpointQuery(f"{also} {path}", also, path, m["host"]))
        found.append(EndpointQuery(m.group(0).strip(), method, path, m["host"]))
    return found


# "GET/PUT", "GET and PUT", "GET, PUT": methods in capitals listed before the one that opens the path
_METHOD_LISTED_RE = re.compile(r"\b(GET|POST|PUT|PATCH|DELETE)\s*(?:/|,|&|\+|\band\b)\s*$")


def _methods_before(before: str) -> list[str]:
    """The methods listed, in capitals, right before a method and its path, in their order."""
    methods: list[str] = []
    while m := _METHOD_LISTED_RE.search(before):
        methods.insert(0, m[1])
        before = before[:m.start()]
    return methods


T = TypeVar("T")


@dataclass(frozen=True)
class EndpointMatch(Generic[T]):
    """A documented endpoint that matches a query, and what it belongs to."""

    endpoint: Endpoint
    owner: T
    specificity: int


class EndpointIndex(Generic[T]):
    """Matches concrete endpoints against documented templates, most specific first."""

    def __init__(self, entries: Iterable[tuple[Endpoint, T]]):
        self._by_length: dict[int, list[tuple[tuple[str, ...], Endpoint, T]]] = {}
        for endpoint, owner in entries:
            segs = tuple(s.lower() for s in endpoint.segments)
            self._by_length.setdefault(len(segs), []).append((segs, endpoint, owner))

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_length.values())

    def match(self, query: EndpointQuery) -> list[EndpointMatch[T]]:
        """Templates matching the query's path (and method if given), best first.

        A path without the `/v1` prefix is also tried with it, so `GET /rooms` works.
        """
        segs = tuple(s.lower() for s in _segments(query.path))
        candidates = [segs] if segs[:1] == ("v1",) else [segs, ("v1",) + segs]
        for attempt in candidates:
            matches = self._match_segments(attempt, query.method)
            if matches:
                return matches
        return []

    def _match_segments(self, segs: tuple[str, ...], method: str | None) -> list[EndpointMatch[T]]:
        matches = []
        for template, endpoint, owner in self._by_length.get(len(segs), []):
            if method and endpoint.method != method:
                continue
            specificity = 0
            for want, got in zip(template, segs):
                if _is_placeholder(want):
                    continue
                if want != got:
                    break
                specificity += 1
            else:
                matches.append(EndpointMatch(endpoint, owner, specificity))
        if not matches:
            return []
        best = max(m.specificity for m in matches)
        return [m for m in matches if m.specificity == best]
