"""Whatever arrives on POST /webhooks gets a 4xx or a quiet 2xx, never a 5xx or a dead worker."""

from __future__ import annotations

import json

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from service_harness import Service, envelope, serving, signature, wait_for

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
IDS = st.text(max_size=40) | JSON
ENVELOPES = st.fixed_dictionaries(
    {"resource": st.sampled_from(["messages", "attachmentActions", "rooms", "memberships", ""]) | JSON,
     "event": st.sampled_from(["created", "updated", "deleted", "all"]) | JSON,
     "data": st.fixed_dictionaries({"id": IDS}, optional={"personId": IDS, "personEmail": IDS, "roomId": IDS,
                                                          "roomType": IDS}) | JSON},
    optional={"id": JSON, "name": JSON, "actorId": JSON},
)


@pytest.fixture(scope="module")
def service(standin, tmp_path_factory):
    with serving(standin.base_url, tmp_path_factory.mktemp("robust"), workers=1,
                 SCOPEBOT_RETRY_BASE_DELAY="0.01", SCOPEBOT_RETRY_ATTEMPTS="2") as svc:
        yield svc


def post_signed(service: Service, body: bytes, content_type: str | None = "application/json") -> int:
    headers = {"X-Spark-Signature": signature(body)}
    if content_type:
        headers["Content-Type"] = content_type
    return requests.post(service.url + "/webhooks", data=body, headers=headers, timeout=30).status_code


@settings(max_examples=150, deadline=None)
@given(payload=ENVELOPES)
def test_any_envelope_shape_gets_no_5xx(service, payload) -> None:
    assert post_signed(service, json.dumps(payload).encode()) in (202, 400)


@settings(max_examples=100, deadline=None)
@given(body=st.binary(max_size=300) | JSON.map(lambda v: json.dumps(v).encode()))
def test_any_bytes_get_no_5xx(service, body: bytes) -> None:
    assert post_signed(service, body) in (202, 400)


@pytest.mark.parametrize("body, content_type, status", [
    (b"[" * 100_000 + b"]" * 100_000, "application/json", 400),
    (b'{"resource": "messages"}', "text/plain", 415),
    (b"a=1&b=2", "application/x-www-form-urlencoded", 415),
    (json.dumps(envelope("rooms", {"id": "r"})).encode(), None, 202),
    ("{\"resource\": \"messages\", \"event\": \"created\", \"data\": {\"id\": \"\u00e9\\ud800\"}}".encode(), "application/json", 400),
    (json.dumps(envelope("messages", {"id": "../people/me"})).encode(), "application/json", 400),
    (json.dumps(envelope("messages", {"id": "a" * 300})).encode(), "application/json", 400),  # over the column
])
def test_edge_bodies(service, body: bytes, content_type: str | None, status: int) -> None:
    assert post_signed(service, body, content_type) == status


@pytest.mark.parametrize("header", ["\u00e9", "\u00ff" * 40])
def test_a_signature_that_is_not_ascii_is_a_wrong_signature(service, header: str) -> None:
    body = json.dumps(envelope("messages", {"id": "m-latin"})).encode()
    response = requests.post(service.url + "/webhooks", data=body, timeout=30,
                             headers={"Content-Type": "application/json", "X-Spark-Signature": header})
    assert response.status_code == 403


def test_a_body_sent_in_chunks_over_the_limit_is_too_large_not_wrongly_signed(service) -> None:
    body = json.dumps(envelope("messages", {"id": "m-big", "text": "x" * (2 * 1024 * 1024)})).encode()
    chunks = (body[i:i + 65536] for i in range(0, len(body), 65536))  # a generator: Transfer-Encoding: chunked
    response = requests.post(service.url + "/webhooks", data=chunks, timeout=30,
                             headers={"Content-Type": "application/json", "X-Spark-Signature": signature(body)})
    assert response.status_code == 413


def test_the_service_still_answers_afterwards(standin, service) -> None:
    message = standin.add_message("after the storm: answer calls")
    data = {"id": message["id"], "roomId": message["roomId"], "personId": message["personId"],
            "personEmail": message["personEmail"]}
    assert service.post(envelope("messages", data)).status_code == 202
    assert wait_for(lambda: [m for m in standin.sent() if "after the storm" in m["markdown"]])
    lines = [json.loads(line) for line in service.logs().splitlines()]
    assert not [line for line in lines if line["event"] in ("unexpected error", "background task failed")]
    assert requests.get(service.url + "/healthz", timeout=30).json()["status"] == "ok"
