"""Faults injected by the Webex stand-in, access control, logging hygiene, graceful shutdown."""

from __future__ import annotations

import json
import signal

import pytest

from service_harness import SECRET, Service, envelope, serving, wait_for
from webex_standin import Fault, StandIn, webex_id

ALLOWED_ROOM = webex_id("ROOM", 424242)
FAST_RETRIES = {"SCOPEBOT_RETRY_BASE_DELAY": "0.05", "SCOPEBOT_WEBEX_TIMEOUT": "2", "SCOPEBOT_RETRY_ATTEMPTS": "4",
                "SCOPEBOT_REDELIVERY_BASE_DELAY": "0.2"}


@pytest.fixture(scope="module")
def service(standin, tmp_path_factory):
    with serving(standin.base_url, tmp_path_factory.mktemp("faults"), workers=1, **FAST_RETRIES) as svc:
        yield svc


def ask(standin: StandIn, service: Service, text: str, **kwargs) -> dict:
    message = standin.add_message(text, **kwargs)
    data = {"id": message["id"], "roomId": message["roomId"], "personId": message["personId"],
            "personEmail": message["personEmail"]}
    assert service.post(envelope("messages", data)).status_code == 202
    return message


def answers(standin: StandIn, marker: str) -> list[dict]:
    return [m for m in standin.sent() if marker in m.get("markdown", "")]


@pytest.mark.parametrize("fault", [
    Fault(r"/v1/messages/", status=429, retry_after="1", method="GET"),
    Fault(r"/v1/messages/", status=429, retry_after="soon", method="GET"),
    Fault(r"/v1/messages$", status=500, times=2, method="POST"),
    Fault(r"/v1/messages$", status=502, method="POST"),
    Fault(r"/v1/messages/", status=503, times=3, method="GET"),
    Fault(r"/v1/messages/", delay=5.0, method="GET"),
    Fault(r"/v1/messages$", drop=True, method="POST"),
], ids=["429", "429-malformed", "500x2", "502", "503x3", "timeout", "reset"])
def test_transient_faults_are_retried_and_answered_once(standin, service, fault: Fault) -> None:
    marker = f"fault {fault.status} {fault.retry_after} {fault.delay} {fault.drop} {fault.times}: answer calls"
    standin.fail(fault)
    message = ask(standin, service, marker)
    service.wait_finished(message["id"])
    assert len(answers(standin, marker)) == 1 and fault.times == 0


def test_a_reply_webex_keeps_refusing_is_logged_and_sent_on_a_later_try(standin, service) -> None:
    standin.fail(Fault(r"/v1/messages$", status=503, times=4, method="POST"))
    message = ask(standin, service, "stubborn question: list spaces")
    line = wait_for(lambda: next((json.loads(l) for l in service.logs().splitlines()
                                  if message["id"] in l and '"will retry"' in l), None))
    assert line["level"] == "warning" and line["message_id"] == message["id"] and "503" in line["error"]
    [done] = service.wait_finished(message["id"])
    assert done["outcome"] == "answered" and done["attempt"] == 2
    assert len(answers(standin, "stubborn question")) == 1


def test_client_errors_are_not_retried(standin, service) -> None:
    fault = Fault(r"/v1/messages/", status=404, method="GET")
    standin.fail(fault)
    message = ask(standin, service, "vanished message: list spaces")
    [line] = service.wait_finished(message["id"])
    assert line["event"].startswith("failed")
    gets = [r for r in standin.requests() if r == ("GET", f"/v1/messages/{message['id']}")]
    assert len(gets) == 1 and fault.times == 0 and answers(standin, "vanished message") == []


def test_secrets_never_reach_the_logs(service) -> None:
    logs = service.logs()
    assert logs and "test-bot-token" not in logs and SECRET not in logs
    for line in logs.splitlines():
        json.loads(line)  # every line is one JSON object


@pytest.fixture(scope="module")
def guarded(standin, tmp_path_factory):
    with serving(standin.base_url, tmp_path_factory.mktemp("guarded"), workers=1,
                 WEBEX_ALLOWED_DOMAINS="example.com, @partner.example",
                 WEBEX_ALLOWED_ROOMS=ALLOWED_ROOM,
                 **FAST_RETRIES) as svc:
        yield svc


def test_access_control(standin, guarded) -> None:
    from webex_standin import BOT_ID

    ask(standin, guarded, "allowed domain: answer calls", person_email="ada@example.com")
    ask(standin, guarded, "partner domain: answer calls", person_email="bo@PARTNER.example")
    stranger = ask(standin, guarded, "stranger in 1:1: answer calls", person_email="eve@elsewhere.net")
    ask(standin, guarded, "stranger in allowed space: answer calls", room_type="group", room_id=ALLOWED_ROOM,
        person_email="eve@elsewhere.net", mentions=(BOT_ID,))
    assert wait_for(lambda: answers(standin, "allowed domain"))
    assert wait_for(lambda: answers(standin, "partner domain"))
    assert wait_for(lambda: answers(standin, "stranger in allowed space"))
    refusal = wait_for(lambda: [m for m in standin.sent() if m["roomId"] == stranger["roomId"]
                                and m["markdown"].startswith("Sorry, I only answer")])
    assert refusal and "attachments" not in refusal[0]
    assert answers(standin, "stranger in 1:1") == []


def test_graceful_shutdown_finishes_in_flight_work(tmp_path) -> None:
    with StandIn() as api:
        svc = Service(api.base_url, tmp_path, workers=1, SCOPEBOT_WORKER_THREADS="1", **FAST_RETRIES).start()
        api.fail(Fault(r"/v1/messages/", status=None, delay=0.4, times=5, method="GET"))
        for i in range(5):
            ask(api, svc, f"in flight {i}: answer calls")
        svc.proc.send_signal(signal.SIGTERM)
        assert svc.proc.wait(30) == 0
        svc.stop()
        assert sorted(m["markdown"].split("“")[1].split("”")[0] for m in api.sent()) == [
            f"in flight {i}: answer calls" for i in range(5)]
