"""Pasted code read call by call: each API call found, as METHOD + path, with the scopes it needs
(none when it cannot be mapped, so no call is silently dropped)."""

from __future__ import annotations

from dataclasses import replace

from bot.core.answer import CallScopes, Need, Via
from bot.core.matching import tuning as t
from bot.core.endpoints import EndpointQuery, is_webex_host
from bot.core.matching.calls import WEBHOOK_RESOURCE_RE, Call, chain_paths
from bot.core.matching.clauses import best_need, eligible
from bot.core.matching.evidence import endpoint_need
from bot.core.matching.explain import twin
from bot.core.matching.frames import documented_call, matched_endpoint, together
from bot.core.matching.index import ScopeIndex
from bot.core.matching.query import Query, build_query
from bot.core.text import words



WEBHOOKS_PATH = "/v1/webhooks"
MIN_CHAIN_PARTS = 3  # resource, sub-resource and method: api.telephony.calls.dial

def call_need(call: Call, cues: frozenset[str], index: ScopeIndex) -> Need | None:
    """The least-privilege need for one call: a webhook's from what it watches, else from its
    endpoint, else from its SDK words."""
    need = webhook_need(call, index, cues)
    if need is None:
        need = endpoint_need(call.endpoint, cues, index) if call.endpoint else _chain_need(call, cues, index)
    if need is None and call.words:
        query = _as_written(_as_said(call, index), index)
        query = replace(query, audiences=query.audiences | cues)  # who the prose says acts makes the call
        ranked = eligible(index.rank(query), query, index)
        need = best_need(call.text, ranked) if ranked and ranked[0].coverage >= t.CONFIDENT_FROM else None
    return for_a_service_app(need, index) if need is not None and "service-app" in cues else need


def _as_said(call: Call, index: ScopeIndex) -> str:
    """The words of an SDK-style call, or its dotted path when that is an xAPI path ("Audio.Volume.Set (Level
    50)" sets the volume; its words "Set Audio Volume" would read the volume's status)."""
    dotted = ".".join(call.chain)
    return dotted if call.chain and index.lexicon.as_xapi_paths(dotted) != dotted else call.words


def _as_written(said: str, index: ScopeIndex) -> Query:
    """The query of a call's words as written: a name in code is spelled as its author meant, so a word the
    index knows only once respelled ("to_dict" read as "dect") is left out, not read as another."""
    query = build_query(said, index)
    if not query.repaired:
        return query
    return build_query(" ".join(w for w in words(said) if index.lexicon.term(w) in index.postings), index)


def for_a_service_app(need: Need, index: ScopeIndex) -> Need:
    """A user's call a service app cannot make, answered with the admin form a service app uses:
    POST /v1/telephony/calls/dial is POST /v1/telephony/calls/members/{memberId}/dial under
    spark-admin:calls_write (Call Controls Members). The call the question made stays the first
    alternative; a call without such a form is left as it is."""
    documented = matched_endpoint(need)
    admin = twin(need.scope, index.kb) if need.scope.audience == "user" and documented else None
    if admin is None or admin.audience != "admin":
        return need
    action = documented.segments[-1]
    if action.startswith("{"):  # /v1/telephony/calls/{callId} names no action
        return need
    member_form = next((e for e in admin.endpoints if e.method == documented.method and e.segments[-1] == action
                        and "members" in e.segments), None)
    if member_form is None:
        return need
    return replace(need, scope=admin, evidence=(str(member_form),), alternatives=(need.scope, *need.alternatives),
                   inferred=True)


def webhook_need(call: Call, index: ScopeIndex, cues: frozenset[str]) -> Need | None:
    """Creating a webhook needs the read scope of the resource it watches (`resource="messages"`
    in the call); none of its own. An admin's org-wide webhook needs the admin form of it."""
    path = call.endpoint.path if call.endpoint else "/v1/" + "/".join(call.chain[:-1])
    watched = WEBHOOK_RESOURCE_RE.search(call.text)
    if path.rstrip("/").lower() != WEBHOOKS_PATH or not watched:
        return None
    scope = index.kb.get(index.kb.vocabulary.webhook_resources.get(watched.group(1).lower(), ""))
    if scope is None:
        return None
    admin_form = twin(scope, index.kb) if "admin" in cues else None
    scope = admin_form if admin_form is not None and admin_form.audience == "admin" else scope
    method = call.endpoint.method if call.endpoint and call.endpoint.method else "POST"
    return Need(call.text, scope, Via.ENDPOINT, (f"{method} {WEBHOOKS_PATH} (resource={watched.group(1)})",))


def _chain_need(call: Call, cues: frozenset[str], index: ScopeIndex) -> Need | None:
    """An SDK chain of several resources whose path is documented as it reads."""
    if len(call.chain) < MIN_CHAIN_PARTS:
        return None
    for method, path in chain_paths(call.chain):
        query = EndpointQuery(call.text, method, path, None)
        if index.endpoints.match(query):
            return endpoint_need(query, cues, index)
    return None


def is_api_call(call: Call) -> bool:
    """A call to a Webex API (a Webex URL, a /v1 path, an SDK client's method), not any code."""
    endpoint = call.endpoint
    if endpoint is None:
        return call.from_client
    if endpoint.host:
        return is_webex_host(endpoint.host)
    return endpoint.path.lower().startswith("/v1/") or call.from_client


def call_rows(text: str, calls: tuple[Call, ...], cues: frozenset[str],
              index: ScopeIndex) -> tuple[CallScopes, ...]:
    """One row per API call, in the order of `text`: its documented METHOD + path and scopes,
    or what was read of it."""
    def place(call: Call) -> int:
        at = text.find(" ".join(call.text.split()))
        return at if at >= 0 else len(text)

    ordered = sorted((c for c in calls if is_api_call(c)), key=place)
    return tuple(_row(call, call_need(call, cues, index), index, cues) for call in ordered)


def _row(call: Call, need: Need | None, index: ScopeIndex, cues: frozenset[str]) -> CallScopes:
    if need is not None and webhook_need(call, index, cues) is not None:  # the webhook's own call, as written
        method = call.endpoint.method if call.endpoint and call.endpoint.method else "POST"
        return CallScopes(call.text, method, WEBHOOKS_PATH, (need.scope.name,))
    documented = None if need is None else (
        matched_endpoint(need) or documented_call(need.scope, call.words or call.text, index))
    scopes = () if need is None else (need.scope.name, *(s.name for s in together(need, index, documented)))
    if documented is not None:
        return CallScopes(call.text, documented.method, documented.path, scopes, documented.host)
    asked = call.endpoint
    if asked is None:
        return CallScopes(call.text, None, None, scopes)
    return CallScopes(call.text, asked.method, asked.path, scopes, asked.host)
