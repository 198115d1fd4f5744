"""API calls in pasted code: curl lines and SDK calls (webexpythonsdk, wxc_sdk, the Webex JS SDK),
read as `METHOD /v1/path` where the SDK's naming allows, else as the words of the call."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Mapping

from bot.core.endpoints import EndpointQuery, find_endpoints
from bot.core.matching.normalise import sentences_of
from bot.core.safe_text import without_secrets

_CURL_RE = re.compile(r"\bcurl\b[^\n]*(?:\\\n[^\n]*)*", re.IGNORECASE)
_CURL_METHOD_RE = re.compile(r"(?:-X|--request)\s*['\"]?([A-Za-z]+)")
_CURL_DATA_RE = re.compile(r"\s(?:-d|--data(?:-raw|-binary)?|-F|--form|--json)\b")
URL_RE = re.compile(r"https?://[^\s'\"\\`]+")
# the URL quoted, or bare as a pasted snippet may be left with its template literal's backticks lost
_FETCH_RE = re.compile(r"\bfetch\(\s*[`'\"]?(https?://[^`'\"\s,)]+)[`'\"]?\s*(,\s*\{[^}]*\})?", re.IGNORECASE)
# a path after a Webex base URL variable: f"{BASE}/messages/{mid}", BASE + "/rooms", `${webexBase}/v1/people`
_BASE_PATH_RE = re.compile(r"""(?:\{|\$\{)?\w*(?:webex|base)\w*\}?\s*\+?\s*[fr]?['"`]?"""
                           r"(?P<path>/[A-Za-z][\w/{}.$-]*)", re.IGNORECASE)
_OPTION_METHOD_RE = re.compile(r"\bmethod\s*:\s*[`'\"](\w+)[`'\"]", re.IGNORECASE)
# a call and its arguments, read ahead and not taken: a call inside another's arguments is a call too
# (`Promise.all(members.map(e => webex.memberships.create({...})))`)
CHAIN_RE = re.compile(r"(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*){1,5})\s*\((?=\s*([^)]{0,200})(\)?))")
CALL_TEXT_CHARS = 120  # a call is echoed up to this many characters
_HTTP_CLIENT_VERBS = {"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE"}
# What an SDK's method name means over HTTP: (method, whether the path ends with the item's id).
SDK_VERBS = {"list": ("GET", False), "get": ("GET", True), "create": ("POST", False),
             "update": ("PUT", True), "delete": ("DELETE", True), "me": ("GET", False)}
# Names of the client object itself, never a resource.
_CLIENT_NAMES = frozenset({"api", "webex", "self", "client", "wx", "teams", "sdk", "spark", "wxc", "this",
                           "bot", "webexapi", "app", "conn", "session"})


@dataclass(frozen=True)
class Call:
    """One API call found in pasted code: as an endpoint when the naming allows, and as words."""

    text: str
    endpoint: EndpointQuery | None
    words: str
    from_client: bool = False  # an SDK chain on a client object (`api.…`, `webex.…`): an API call
    chain: tuple[str, ...] = ()  # an SDK call's resources and method name, client left out
    told: bool = False  # a webhook the prose tells by its event ("when someone is added to a space"), not written


def chain_paths(chain: tuple[str, ...]) -> list[tuple[str, str]]:
    """Where an SDK chain of several resources may point: `telephony.calls.dial` is
    `POST /v1/telephony/calls/dial`, `telephony.calls.list` is `GET /v1/telephony/calls`."""
    *resources, verb = chain
    base = "/v1/" + "/".join(camel(r) for r in resources)
    if verb.lower() in SDK_VERBS:
        method, with_id = SDK_VERBS[verb.lower()]
        return [(method, base + ("/{id}" if with_id else ""))]
    return [("POST", f"{base}/{camel(verb)}"), ("GET", f"{base}/{camel(verb)}")]


def shown(code: str) -> str:
    """A call as it may be echoed: on one line, capped, its access token blanked out."""
    return without_secrets(" ".join(code.split()))[:CALL_TEXT_CHARS]


def camel(name: str) -> str:
    """`team_memberships` -> `teamMemberships`: webexpythonsdk attribute to API path segment."""
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def curl_calls(text: str) -> list[Call]:
    """`curl -X PUT https://webexapis.com/v1/rooms/...` as `PUT https://...`."""
    calls = []
    for m in _CURL_RE.finditer(text):
        line = m.group(0)
        url = URL_RE.search(line)
        if not url:
            continue
        method = _CURL_METHOD_RE.search(line)
        verb = method.group(1).upper() if method else ("POST" if _CURL_DATA_RE.search(line) else "GET")
        found = find_endpoints(f"{verb} {url.group(0)}")
        if found:
            calls.append(Call(shown(line), found[0], ""))
    return calls


def fetch_calls(text: str) -> list[Call]:
    """`fetch("https://webexapis.com/v1/rooms", {method: "POST"})`: GET unless the options say."""
    calls = []
    for m in _FETCH_RE.finditer(text):
        method = _OPTION_METHOD_RE.search(m.group(2) or "")
        found = find_endpoints(f"{method.group(1).upper() if method else 'GET'} {m.group(1)}")
        if found:
            calls.append(Call(shown(m.group(0)), found[0], ""))
    return calls


def sdk_calls(text: str, sdk_paths: Mapping[str, str]) -> list[Call]:
    """`api.memberships.create(roomId=...)`, `webex.messages.list(...)`, `requests.post(url)`; inside another
    call's arguments, only a call on the client (`webex.memberships.create` in `Promise.all(...)`, not
    `user.email.lower()` in `personEmail=...`)."""
    calls = []
    code = _FETCH_RE.sub(" ", text)
    outer_end = 0  # where the arguments of the last call not inside another end
    for m in CHAIN_RE.finditer(code):
        parts = m.group(1).split(".")
        from_client = parts[0].lower() in _CLIENT_NAMES
        if m.start() < outer_end and not from_client:
            continue
        outer_end = max(outer_end, m.end(3))
        while len(parts) > 2 and parts[0].lower() in _CLIENT_NAMES:  # api.teams.create: teams is the resource
            parts = parts[1:]
        if len(parts) < 2:
            continue
        *resources, verb = parts
        said = code[m.start():m.end(3)]
        call = _http_client_call(said, verb, m.group(2)) or _sdk_call(said, resources, verb, sdk_paths)
        if call:
            calls.append(replace(call, from_client=from_client, chain=tuple(parts)))
    return calls


def _http_client_call(text: str, verb: str, args: str) -> Call | None:
    """`requests.post("https://webexapis.com/v1/messages", ...)`, or its path after a base URL
    variable: `requests.put(f"{BASE}/messages/{mid}")`, `http.get(BASE + "/rooms")`."""
    first = args.split(",")[0]  # the URL argument, not a JSON body after it
    url = URL_RE.search(first)
    target = url.group(0) if url else (m.group("path") if (m := _BASE_PATH_RE.search(first)) else None)
    if verb.lower() not in _HTTP_CLIENT_VERBS or not target:
        return None
    found = find_endpoints(f"{_HTTP_CLIENT_VERBS[verb.lower()]} {target}")
    return Call(shown(text), found[0], "") if found else None


def _sdk_call(text: str, resources: list[str], verb: str, sdk_paths: Mapping[str, str]) -> Call | None:
    words = " ".join([verb, *resources]).replace("_", " ")
    endpoint = None
    if len(resources) == 1 and verb.lower() in SDK_VERBS:
        resource = resources[0]
        method, with_id = SDK_VERBS[verb.lower()]
        path = sdk_paths.get(resource.lower()) or f"/v1/{camel(resource)}"
        if verb.lower() == "me":
            path += "/me"
        elif with_id:
            path += "/{id}"
        endpoint = EndpointQuery(shown(text), method, path, None)
    return Call(shown(text), endpoint, words)


def find_calls(text: str, sdk_paths: Mapping[str, str]) -> list[Call]:
    """Every API call in code or prose; curl and fetch first, as they name their URL outright."""
    return curl_calls(text) + fetch_calls(text) + sdk_calls(_CURL_RE.sub(" ", text), sdk_paths)


# `resource="messages"`, JSON-escaped too: what a webhook watches
WEBHOOK_RESOURCE_RE = re.compile(r"\bresource\\?['\"`]?\s*[=:]\s*\\?['\"`]?(\w+)", re.IGNORECASE)
# "list my webhooks on messages", "delete the old messages webhook": no webhook is created
_OTHER_WEBHOOK_ACTION_RE = re.compile(r"\b(?:list|listing|delete|deleting|remove|removing|update|updating|edit"
                                      r"|editing|rename|renaming|disable|disabling)\b", re.IGNORECASE)


# the word "webhook(s)" bounded by no ASCII word character: "のWebhookを登録したい" has no \b around it
_WEBHOOK_WORD = r"(?<![A-Za-z0-9_])webhooks?(?![A-Za-z0-9_])"
# a sentence that creates a webhook, for reading its resource from 'resource "meetings"'
_CREATES_WEBHOOK_RE = re.compile(  # not an event's name: "messages:created arrives fine" creates nothing
    r"(?<![:/])\b(?:creat\w*|register\w*|set\s+up|setting\s+up|subscrib\w*|want|need|add\w*|scopes?|permissions?)\b"
    r".*" + _WEBHOOK_WORD +
    r"|" + _WEBHOOK_WORD + r".*(?<![:/])\b(?:creat\w*|register\w*|scopes?|permissions?)\b",  # "...: scopes?" creates
    re.IGNORECASE)
WEBHOOK_CREATED = "POST /v1/webhooks "  # how a webhook told by its resource is shown: this, then resource="..."


def _alternation(resources: frozenset[str]) -> str:
    """Resource names as one regex alternation, longest first ("meetingTranscripts" before "meetings")."""
    return "|".join(re.escape(r) for r in sorted(resources, key=len, reverse=True))


@lru_cache(maxsize=4)
def _mention_pattern(resources: frozenset[str]) -> re.Pattern[str]:
    names = _alternation(resources)
    return re.compile(_WEBHOOK_WORD + rf"(?:\s+[\w-]+){{0,3}}?\s+(?:on|for|watching|when|whenever)\s+"
                      rf"(?:(?:the|my|our|a|an|one|of|any|every|each|their|its|[\w-]+['’]s?)\s+){{0,4}}"
                      rf"[`'\"]?({names})\b"
                      rf"|(?<![\w/])[`'\"]?({names})(?::\w+)?[`'\"]?\s+" + _WEBHOOK_WORD, re.IGNORECASE)


@lru_cache(maxsize=4)
def _resource_pattern(resources: frozenset[str]) -> re.Pattern[str]:
    names = _alternation(resources)
    return re.compile(rf"\bresource\s*[=:]?\s*[`'\"]?({names})\b", re.IGNORECASE)


@lru_cache(maxsize=4)
def _events_pattern(resources: frozenset[str]) -> re.Pattern[str]:
    """A resource's events named as such ("telephony_calls events"), in a post that creates a webhook."""
    return re.compile(rf"(?<![\w/])[`'\"]?({_alternation(resources)})[`'\"]?\s+events?\b", re.IGNORECASE)


@lru_cache(maxsize=4)
def _event_pattern(resources: frozenset[str]) -> re.Pattern[str]:
    """A webhook told as its resource and event ("messages:created", `memberships/deleted`)."""
    names = _alternation(resources)
    return re.compile(rf"(?<![\w/])[`'\"]?({names})[:/](?:created|updated|deleted|started|ended|all)\b", re.IGNORECASE)


_WEBHOOK_RE = re.compile(_WEBHOOK_WORD, re.IGNORECASE)
_SET_TO_RE = re.compile(r"\bresource\s*[=:]", re.IGNORECASE)  # "one webhook, resource=all and event=all"
# a call that creates a webhook, its body pasted with it: POST /v1/webhooks, api.webhooks.create(...), or the body
# alone ('{"targetUrl": "https://...", "resource": "messages"}': only a webhook has a target URL)
CREATES_WEBHOOK_CALL_RE = re.compile(r"/v1/webhooks\b|\bwebhooks\.create\b|[\"']targetUrl[\"']\s*:", re.IGNORECASE)
# "we receive a webhook when ...", "I want a webhook to fire": a webhook the app is to receive, not one it reads about
_RECEIVES = r"\b(?:receive|fires?|fired|ping|notif\w*|(?:i|we)['’]d\s+like|would\s+like|gets?\s+an?)\b"
_WANTS_WEBHOOK_RE = re.compile(_CREATES_WEBHOOK_RE.pattern + r"|" + _RECEIVES + r".*" + _WEBHOOK_WORD
                               + r"|" + _WEBHOOK_WORD + r"\s+(?:for|on|when|whenever|that|which|every)\b"
                               r"|" + _WEBHOOK_WORD + r".*" + _RECEIVES, re.IGNORECASE)
# "without a webhook", "no webhooks", "instead of a webhook": a webhook set aside
_NO_WEBHOOK_RE = re.compile(r"\b(?:without|no|not|instead\s+of|rather\s+than)\s+(?:an?\s+|any\s+)?" + _WEBHOOK_WORD,
                            re.IGNORECASE)
# "notified when", "be told whenever", "get pinged when": what a webhook does, said of the app
_NOTIFIED_RE = re.compile(r"\b(?:notif\w*|pinged|ping|callback(?!\s+url)|alerted|be\s+told|hear\s+about)\b",
                          re.IGNORECASE)
# "I've set up a webhook for new messages and it works": a webhook the app has
_HAS_ONE_RE = re.compile(r"\b(?:i['’]ve|i\s+have|we['’]ve|we\s+have|already|works|working)\b", re.IGNORECASE)
_GAP = r"(?:\s+[\w'’-]+){0,5}?\s+"  # up to five words between ("any of the user's own meetings starts")
_TO_A_SPACE = r"\s+(?:[\w'’-]+\s+){0,5}?(?:spaces?|rooms?)\b"


@dataclass(frozen=True)
class _Event:
    """An event a webhook watches, told in words, the resource that sends it, and what the sentence must
    (`within`) or must not (`unless`) say besides."""

    resource: str
    pattern: re.Pattern[str]
    within: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None

    def told_in(self, sentence: str) -> bool:
        """Whether the sentence tells this event."""
        return (bool(self.pattern.search(sentence)) and not (self.unless and self.unless.search(sentence))
                and not (self.within and not self.within.search(sentence)))


def _event(resource: str, pattern: str, within: str = "", unless: str = "") -> _Event:
    """An event from its patterns, compiled case-blind (an empty one: no condition)."""
    compiled = [re.compile(p, re.IGNORECASE) if p else None for p in (pattern, within, unless)]
    return _Event(resource, *compiled)


# The resources of the webhooks guide (https://developer.webex.com/admin/docs/api/guides/webhooks) and their events
_EVENTS = (
    _event("memberships", r"\b(?:added|removed|kicked)\s+(?:to|from|into|or\s+removed\s+from)" + _TO_A_SPACE
           + r"|\b(?:joins?|leaves?)\s+(?:a|the|any)\s+spaces?\b|\bnew\s+memberships?\b",
           unless=r"\b(?:files?|messages?|attachments?|documents?|tabs?|cards?|devices?)\s+(?:is|are|gets?|was|were)"
                  r"\s+(?:added|removed)\b"),
    # "when someone is added to or removed from one of them", of spaces the sentence names
    _event("memberships", r"\b(?:added|removed)\s+(?:to|from|into)(?:\s+or\s+removed\s+from)?\s+(?:one\s+of\s+)?"
                          r"(?:them|those|these)\b", within=r"\b(?:spaces?|rooms?)\b"),
    _event("messages", r"\bnew\s+messages?\b|\b(?:someone|anyone|anybody)\s+posts\b"
                       r"|\bmessages?\s+(?:is\s+|are\s+|gets?\s+)?(?:posted|sent|created|arrives?|comes?\s+in"
                       r"|lands?\s+in)\b",
           unless=r"\bvoice\s*mail|\bvoice\s+messages?\b"),
    _event("rooms", r"\bspaces?\s+(?:is\s+|are\s+|gets?\s+)?(?:created|renamed|locked|unlocked)\b"
                    r"|\bspaces?\b" + _GAP + r"(?:renamed|locked|unlocked)\b"),
    # "a webhook for new spaces", not "create new spaces"
    _event("rooms", r"\bnew\s+(?:spaces|rooms)\b",
           unless=r"\b(?:creat\w*|makes?|making|spin\w*|sets?\s+up|setting\s+up|open(?:s|ing)?)\b"),
    _event("meetingParticipants", r"\b(?:people|someone|anyone|participants?|attendees?|guests?)\s+"
                                  r"(?:join|joins|joining|joined|leave|leaves|leaving|left)\b",
           within=r"\bmeetings?\b"),
    _event("meetings", r"\bmeetings?\b" + _GAP + r"(?:starts?|started|starting|ends?|ended|ending|is\s+over)\b"),
    _event("convergedRecordings", r"\b(?:converged|call)\s+recordings?\b"),
    _event("recordings", r"\bnew\s+recordings?\b|\brecordings?\s+(?:is\s+|are\s+)?(?:ready|available|created)\b"
                         r"|\brecordings?\s+(?:becomes?|gets?|shows?\s+up)\b",
           unless=r"\b(?:converged|call)\s+recordings?\b"),
    _event("meetingTranscripts", r"\btranscripts?\s+(?:is\s+|are\s+|becomes?\s+)?(?:ready|available|created)\b"),
    _event("telephony_calls", r"\b(?:phone|line)\s+rings\b|\bincoming\s+calls?\b|\bcalls?\s+comes?\s+in\b"
                              r"|\bmiss(?:es)?\s+a\s+call\b", unless=r"\bcontact\s+cent(?:er|re)\b"),
)


def tells_a_webhook(text: str) -> bool:
    """Whether the text names a webhook or an event one watches ("when a new message comes in")."""
    return bool(_WEBHOOK_RE.search(text)) or any(event.told_in(text) for event in _EVENTS)


def webhook_mentions(prose: str, message: str, resources: Iterable[str],
                     firehose: tuple[str, ...] = ()) -> list[Call]:
    """Webhooks the prose asks to create, named by the resource they watch ("a webhook on the
    meetings resource", "a memberships:created webhook", 'resource "meetings"'), and a POST
    /v1/webhooks whose body (`{"resource": "meetings"}`) is pasted apart from it: each as the call
    that creates it; resource "all" (a firehose) as one call per resource it watches. When none is
    named, the webhooks told by the events they watch, as calls marked `told`."""
    known = {r.lower() for r in resources}
    if not known:
        return []
    pattern = _mention_pattern(frozenset(known))
    creating = [s for s in sentences_of(prose) if not _OTHER_WEBHOOK_ACTION_RE.search(s)]
    found = [m.group(1) or m.group(2) for sentence in creating for m in pattern.finditer(sentence)]
    known |= {"all"} if firehose else set()  # only where a resource is named as such: "for all messages" is messages
    asking = [sentence for sentence in creating if _CREATES_WEBHOOK_RE.search(sentence)]
    found += [m.group(1) for sentence in creating
              if sentence in asking or _WEBHOOK_RE.search(sentence) and _SET_TO_RE.search(sentence)
              for m in _resource_pattern(frozenset(known)).finditer(sentence)]
    found += [m.group(1) for sentence in asking for m in _event_pattern(frozenset(known)).finditer(sentence)]
    if asking:  # "I want telephony_calls events ... which scope to create that webhook": in any sentence
        found += [m.group(1) for sentence in creating for m in _events_pattern(frozenset(known)).finditer(sentence)]
    if CREATES_WEBHOOK_CALL_RE.search(message):
        found += [m.group(1) for m in WEBHOOK_RESOURCE_RE.finditer(message) if m.group(1).lower() in known]
    found = [each for resource in found for each in (firehose if resource.lower() == "all" else (resource,))]
    told = [] if found else _told_by_events(creating, known)
    return [Call(f'{WEBHOOK_CREATED}resource="{resource}"', EndpointQuery(resource, "POST", "/v1/webhooks", None), "",
                 told=resource in told) for resource in dict.fromkeys(found + told)]


def _told_by_events(sentences: list[str], known: set[str]) -> list[str]:
    """The resources of the webhooks the sentences want by the events they watch ("a webhook whenever
    someone is added to one of the user's spaces"): when no resource is named outright."""
    about = any(_WEBHOOK_RE.search(s) for s in sentences)  # "notified when ... What does creating that webhook need?"
    wanted = [s for s in sentences if (_WANTS_WEBHOOK_RE.search(s) or about and _NOTIFIED_RE.search(s))
              and not _HAS_ONE_RE.search(s) and not _NO_WEBHOOK_RE.search(s)]
    return [event.resource for sentence in wanted for event in _EVENTS
            if event.resource.lower() in known and event.told_in(sentence)]
