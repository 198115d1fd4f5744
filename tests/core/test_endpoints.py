"""Endpoint templates, endpoints found in free text, and template matching."""

from __future__ import annotations

import pytest

from bot.core.endpoints import EndpointIndex, find_endpoints, parse_endpoint


def test_parse_keeps_host_and_note() -> None:
    ep = parse_endpoint("GET https://analytics-calling.webexapis.com/v1/cdr_feed (12 hour window)")
    assert (ep.method, ep.host, ep.path, ep.note) == ("GET", "analytics-calling.webexapis.com", "/v1/cdr_feed", "12 hour window")
    assert str(ep) == "GET https://analytics-calling.webexapis.com/v1/cdr_feed (12 hour window)"


@pytest.mark.parametrize("bad", ["/v1/rooms", "FETCH /v1/rooms", "GET rooms", ""])
def test_parse_rejects_malformed(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_endpoint(bad)


def test_find_endpoints_in_text() -> None:
    found = find_endpoints(
        "why does GET https://webexapis.com/v1/people/Y2lz?max=3 fail, and what about post /v1/messages or /rooms?"
    )
    assert [(f.method, f.path) for f in found] == [("GET", "/v1/people/Y2lz"), ("POST", "/v1/messages"), (None, "/rooms")]


@pytest.mark.parametrize("said, methods", [
    ("show it and change it via GET/PUT /v1/people/{personId}/features/callForwarding", ["GET", "PUT"]),
    ("GET, POST and DELETE /v1/webhooks", ["GET", "POST", "DELETE"]),
    ("GET /v1/rooms and PUT /v1/rooms/{roomId}", ["GET", "PUT"]),
])
def test_methods_listed_before_a_path_each_call_it(said: str, methods: list[str]) -> None:
    assert [f.method for f in find_endpoints(said)] == methods


def test_find_endpoints_ignores_slashes_in_words() -> None:
    assert find_endpoints("read/write and 1:1 spaces, and/or teams") == []


def test_literal_segments_beat_placeholders() -> None:
    index = EndpointIndex([(parse_endpoint("GET /v1/people/{personId}"), "by-id"),
                           (parse_endpoint("GET /v1/people/me"), "me")])
    [me] = index.match(find_endpoints("GET /v1/people/me")[0])
    [other] = index.match(find_endpoints("GET /v1/people/abc")[0])
    assert (me.owner, other.owner) == ("me", "by-id")


def test_method_filters_and_v1_is_optional() -> None:
    index = EndpointIndex([(parse_endpoint("GET /v1/rooms"), "read"), (parse_endpoint("POST /v1/rooms"), "write")])
    assert [m.owner for m in index.match(find_endpoints("POST /rooms")[0])] == ["write"]
    assert sorted(m.owner for m in index.match(find_endpoints("/v1/rooms")[0])) == ["read", "write"]
    assert index.match(find_endpoints("DELETE /v1/rooms")[0]) == []


def test_a_method_in_capitals_then_on_or_to_still_names_the_call() -> None:
    assert [(e.method, e.path) for e in find_endpoints("it's the PUT on /meetingPreferences/personalMeetingRoom")] == [
        ("PUT", "/meetingPreferences/personalMeetingRoom")]
    assert [e.method for e in find_endpoints("we post to /v1/messages")] == [None]  # a verb, not a method


@pytest.mark.parametrize("said", ["from GET https://webexapis.com/v1/devices. The sync runs nightly",
                                  "we call GET https://webexapis.com/v1/devices: it returns 403",
                                  "GET https://webexapis.com/v1/devices!"])
def test_a_url_ends_before_the_stop_or_colon_after_it(said: str) -> None:
    assert [(f.method, f.path) for f in find_endpoints(said)] == [("GET", "/v1/devices")]
