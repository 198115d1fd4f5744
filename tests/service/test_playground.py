"""The playground over HTTP: served by the Procfile's command with PLAYGROUND=1 and no token (then
no Webex call, webhooks 503, no answering process), off by default, and its JSON endpoints answer
every bad request with a 4xx that says what to send."""

from __future__ import annotations

import io
import json

import pytest
import requests
from hypothesis import given, settings, strategies as st

from bot.cli import main
from bot.core.handler import MAX_QUESTION_CHARS
from bot.core.oauth import SETTINGS_HINT
from bot.service.app import create_app
from bot.service.config import Settings
from service_harness import PlaygroundOnly, running, serving, signature
from test_service import message_event

QUESTION = "what scope do I need to answer calls"


@pytest.fixture(scope="module")
def playground(standin, tmp_path_factory):
    with running(PlaygroundOnly(standin.base_url, tmp_path_factory.mktemp("playground"))) as svc:
        yield svc


def ask(service, payload) -> requests.Response:
    return requests.post(service.url + "/playground/ask", json=payload, timeout=30)


def test_a_question_gets_the_card_the_fallback_and_the_ask_json_row(playground) -> None:
    reply = ask(playground, {"question": f"  {QUESTION}\n"})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["question"] == QUESTION and body["card"]["type"] == "AdaptiveCard"
    assert "spark:calls_write" in json.dumps(body["card"]) and "`spark:calls_write`" in body["markdown"]
    out = io.StringIO()  # the same row `python -m bot ask --json` prints
    main(["ask", "--json", QUESTION], out=out)
    assert body["json"] == json.loads(out.getvalue()) and body["json"]["scopes"] == ["spark:calls_write"]


def test_the_page_and_its_scripts_are_served_from_the_app(playground) -> None:
    page = requests.get(playground.url + "/", timeout=30)
    assert page.status_code == 200 and "scopebot playground" in page.text
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    scripts = ["playground.js", "vendor/adaptivecards.min.js", "vendor/markdown-it.min.js", "hostconfig.json",
               "webex.css", "playground.css"]
    for name in scripts:
        assert f"/playground/static/{name}" in page.text, name
        assert requests.get(f"{playground.url}/playground/static/{name}", timeout=30).status_code == 200, name


@pytest.mark.parametrize("data, status, words", [
    ({"action": "scope", "scope": "spark:calls_read"}, 200, "spark:calls_read"),
    ({"action": "related", "scope": "spark:calls_write"}, 200, "spark:calls_read"),
    ({"action": "help"}, 200, "least-privilege"),
    ({"action": "list"}, 200, "calling"),
    ({"action": "scope", "scope": "spark:nothing_like_this"}, 404, "no such scope"),
    ({"action": "feedback", "helpful": True, "question": "q", "scopes": []}, 400, "votes count only in Webex"),
    ({"action": "launch"}, 400, "scope, related, help, list"),
    ("scope", 400, "action"),
])
def test_card_buttons_are_answered_or_refused_clearly(playground, data, status: int, words: str) -> None:
    reply = requests.post(playground.url + "/playground/action", json={"data": data}, timeout=30)
    assert reply.status_code == status and words in reply.text


@pytest.mark.parametrize("raw, content_type, status, words", [
    (b"question=answer calls", "application/x-www-form-urlencoded", 415, "send JSON"),
    (b"{not json", "application/json", 400, "JSON object"),
    (b"[1, 2]", "application/json", 400, "JSON object"),
    (b'{"q": "answer calls"}', "application/json", 400, '"question" must be a string'),
    (b'{"question": ["answer calls"]}', "application/json", 400, '"question" must be a string'),
    (b'{"question": " \\n "}', "application/json", 400, "empty"),
    (json.dumps({"question": "a" * (MAX_QUESTION_CHARS + 1)}).encode(), "application/json", 413, "at most 8000"),
    (b"x" * (1024 * 1024 + 10), "application/json", 413, ""),
])
def test_bad_requests_get_a_4xx_saying_what_to_send(playground, raw: bytes, content_type: str, status: int,
                                                    words: str) -> None:
    reply = requests.post(playground.url + "/playground/ask", data=raw, headers={"Content-Type": content_type},
                          timeout=30)
    assert reply.status_code == status and words in reply.json()["error"]


def test_the_longest_question_the_handler_reads_is_answered(playground) -> None:
    assert ask(playground, {"question": "answer calls " + "x" * (MAX_QUESTION_CHARS - 13)}).status_code == 200


def test_without_a_token_nothing_calls_webex_and_webhooks_say_why(standin, playground) -> None:
    before = len(standin.requests())
    assert ask(playground, {"question": QUESTION}).status_code == 200
    hook = requests.post(playground.url + "/webhooks", json={"id": "x"}, timeout=30)
    assert hook.status_code == 503 and "WEBEX_BOT_TOKEN" in hook.json()["error"]
    assert requests.get(playground.url + "/healthz", timeout=30).json() == {"status": "ok"}
    assert standin.requests()[before:] == []
    events = [str(line.get("event")) for line in playground.log_lines()]
    assert "playground only: no WEBEX_BOT_TOKEN, so no answering process" in events
    assert SETTINGS_HINT in events  # answers without an Authorize button: said to the operator, not in them
    assert not any("answering process exited" in e or e == "answering" for e in events)


def test_with_a_token_and_playground_on_both_work(standin, tmp_path) -> None:
    with serving(standin.base_url, tmp_path, workers=1, PLAYGROUND="1") as service:
        assert requests.get(service.url + "/", timeout=30).status_code == 200
        assert ask(service, {"question": QUESTION}).json()["json"]["scopes"] == ["spark:calls_write"]
        question = standin.add_message("playground on: answer calls")
        body = json.dumps(message_event(question)).encode()
        accepted = requests.post(service.url + "/webhooks", data=body, timeout=30,
                                 headers={"Content-Type": "application/json", "X-Spark-Signature": signature(body)})
        assert accepted.status_code == 202
        assert service.wait_finished(question["id"])


@pytest.fixture(scope="module")
def client():
    settings = Settings.from_env({"WEBEX_BOT_TOKEN": "t", "SCOPEBOT_LOCAL_MODE": "1", "PLAYGROUND": "1",
                                  "WEBEX_API_BASE_URL": "http://127.0.0.1:9/v1/",
                                  "DATABASE_URL": "sqlite:///:memory:"})
    return create_app(settings).test_client()


def test_the_switch_is_off_unless_playground_is_set() -> None:
    off = Settings.from_env({"WEBEX_BOT_TOKEN": "t", "WEBEX_WEBHOOK_SECRET": "s",
                             "DATABASE_URL": "sqlite:///:memory:"})
    assert not off.playground and create_app(off).test_client().get("/").status_code == 404
    assert Settings.from_env({"WEBEX_BOT_TOKEN": "t", "WEBEX_WEBHOOK_SECRET": "s", "PLAYGROUND": "1"}).playground


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                           max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(question=JSON_VALUES, data=JSON_VALUES, action=st.sampled_from(["scope", "related", "help", "list",
                                                                        "feedback", "other"]))
def test_no_body_makes_a_500(client, question, data, action: str) -> None:
    assert client.post("/playground/ask", json={"question": question}).status_code < 500
    assert client.post("/playground/ask", json=data).status_code < 500
    assert client.post("/playground/action", json={"data": data}).status_code < 500
    pressed = {"action": action, "scope": question}
    assert client.post("/playground/action", json={"data": pressed}).status_code < 500
