"""The webhook service end to end: gunicorn + Flask app + webexpythonsdk + the Webex stand-in."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from service_harness import envelope, serving, wait_for
from webex_standin import BOT_ID, BOT_NAME, StandIn, webex_id


@pytest.fixture(scope="module")
def service(standin, tmp_path_factory):
    with serving(standin.base_url, tmp_path_factory.mktemp("service")) as svc:
        yield svc


def replies_to(standin: StandIn, room_id: str, marker: str) -> list[dict]:
    return [m for m in standin.sent() if m["roomId"] == room_id and marker in m.get("markdown", "")]


def message_event(message: dict) -> dict:
    return envelope("messages", {"id": message["id"], "roomId": message["roomId"],
                                 "roomType": message["roomType"], "personId": message["personId"],
                                 "personEmail": message["personEmail"]})


def test_direct_question_is_answered_with_card_and_fallback(standin, service) -> None:
    question = standin.add_message("what scope do I need to answer calls")
    assert service.post(message_event(question)).status_code == 202
    [reply] = wait_for(lambda: replies_to(standin, question["roomId"], "answer calls"))
    assert "spark:calls_write" in reply["markdown"] and "parentId" not in reply
    card = reply["attachments"][0]
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert card["content"]["version"] == "1.3" and "spark:calls_write" in json.dumps(card["content"])


def test_group_mention_is_stripped_and_answered_in_a_thread(standin, service) -> None:
    html = (f'<p><spark-mention data-object-type="person" data-object-id="{BOT_ID}">{BOT_NAME}</spark-mention>'
            " which scope lets me read voicemail?</p>")
    question = standin.add_message(f"{BOT_NAME} which scope lets me read voicemail?", room_type="group",
                                   html=html, mentions=(BOT_ID,))
    service.post(message_event(question))
    [reply] = wait_for(lambda: replies_to(standin, question["roomId"], "read voicemail"))
    assert reply["parentId"] == question["id"] and "spark:calls_read" in reply["markdown"]
    assert BOT_NAME not in reply["markdown"].split("\n")[0]


def test_question_inside_a_thread_is_answered_in_that_thread(standin, service) -> None:
    root = webex_id("MESSAGE", 900001)
    question = standin.add_message(f"{BOT_NAME} GET /v1/rooms", room_type="group", parent_id=root,
                                   html=f'<spark-mention data-object-type="person" data-object-id="{BOT_ID}">'
                                        f"{BOT_NAME}</spark-mention> GET /v1/rooms", mentions=(BOT_ID,))
    service.post(message_event(question))
    [reply] = wait_for(lambda: replies_to(standin, question["roomId"], "GET /v1/rooms"))
    assert reply["parentId"] == root and "spark:rooms_read" in reply["markdown"]


def test_group_message_without_mention_is_not_answered(standin, service) -> None:
    question = standin.add_message("answer calls please, nobody mentioned", room_type="group")
    service.post(message_event(question))
    [line] = service.wait_finished(question["id"])
    assert line["outcome"] == "not mentioned"
    assert ("GET", f"/v1/messages/{question['id']}") in standin.requests()
    assert replies_to(standin, question["roomId"], "nobody mentioned") == []


@pytest.mark.parametrize("who", [{"person_id": BOT_ID, "person_email": "scopebot@webex.bot"},
                                 {"person_email": "otherbot@webex.bot"}, {"person_email": "OldBot@SparkBot.io"}])
def test_own_and_other_bots_messages_are_ignored(standin, service, who: dict) -> None:
    message = standin.add_message("bots talking: answer calls", **who)
    assert service.post(message_event(message)).status_code == 202
    [line] = service.wait_finished(message["id"])
    assert line["outcome"] == "from a bot"
    assert ("GET", f"/v1/messages/{message['id']}") not in standin.requests()
    assert replies_to(standin, message["roomId"], "bots talking") == []


@pytest.mark.parametrize("kwargs, status", [({"sign": False}, 401), ({"secret": "forged"}, 403)])
def test_unsigned_or_forged_webhooks_are_rejected(standin, service, kwargs: dict, status: int) -> None:
    message = standin.add_message("forged question about answering calls")
    assert service.post(message_event(message), **kwargs).status_code == status  # refused before queueing
    assert ("GET", f"/v1/messages/{message['id']}") not in standin.requests()


def test_duplicate_delivery_is_answered_once_across_workers(standin, service) -> None:
    question = standin.add_message("duplicate delivery: list spaces")
    event = message_event(question)
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda _: service.post(event).status_code, range(8)))
    assert statuses == [202] * 8
    lines = service.wait_finished(question["id"], count=8)
    assert [line["event"] for line in lines].count("handled") == 1
    assert len(replies_to(standin, question["roomId"], "duplicate delivery")) == 1


def test_card_buttons_are_handled(standin, service) -> None:
    question = standin.add_message("card action: answer calls", room_type="group", mentions=(BOT_ID,))
    service.post(message_event(question))
    wait_for(lambda: replies_to(standin, question["roomId"], "card action"))
    card_message = next(m for m in standin.state.messages.values()
                        if "card action" in m.get("markdown", "") and m["roomId"] == question["roomId"])
    action = standin.add_action(card_message, {"action": "scope", "scope": "spark:calls_read"})
    assert service.post(envelope("attachmentActions", {"id": action["id"], "messageId": card_message["id"],
                                                       "roomId": question["roomId"]})).status_code == 202
    [reply] = wait_for(lambda: [m for m in standin.sent() if m["markdown"].startswith("**`spark:calls_read`**")
                                and m.get("parentId") == question["id"]])
    assert reply["attachments"][0]["content"]["version"] == "1.3"
    feedback = standin.add_action(card_message, {"action": "feedback", "helpful": True, "scopes": ["spark:calls_write"]})
    service.post(envelope("attachmentActions", {"id": feedback["id"], "messageId": card_message["id"]}))
    wait_for(lambda: [m for m in standin.sent() if m["markdown"].startswith("Thanks — noted")])


@pytest.mark.parametrize("raw, status", [
    (b"{not json", 400),
    (b"[1, 2]", 400),
    (json.dumps({"resource": "messages", "event": "created", "data": {}}).encode(), 400),
    (json.dumps({"resource": "messages", "event": "created", "data": {"id": 5}}).encode(), 400),
    (json.dumps({"resource": "rooms", "event": "created", "data": {"id": "x"}}).encode(), 202),
    (json.dumps({"resource": "messages", "event": "deleted", "data": {"id": "x"}}).encode(), 202),
    (b"x" * (1024 * 1024 + 10), 413),
])
def test_bad_bodies_get_a_4xx_or_a_quiet_2xx(service, raw: bytes, status: int) -> None:
    assert service.post(None, raw=raw).status_code == status
    assert service.post(None, raw=b"{}").status_code == 400  # the worker is still alive


def test_healthz_and_unknown_routes(service) -> None:
    import requests

    assert requests.get(service.url + "/healthz", timeout=30).json()["status"] == "ok"
    assert requests.get(service.url + "/webhooks", timeout=30).status_code == 405
    assert requests.get(service.url + "/nope", timeout=30).status_code == 404
    # the playground is off unless PLAYGROUND=1 (tests/service/test_playground.py)
    assert requests.get(service.url + "/", timeout=30).status_code == 404
    assert requests.post(service.url + "/playground/ask", json={"question": "x"}, timeout=30).status_code == 404


def test_declines_and_votes_through_webhooks_reach_the_report(standin, service) -> None:
    from bot.storage.database import Database
    from bot.storage.feedback import FeedbackStore

    question = standin.add_message("how do I bake sourdough bread")
    service.post(message_event(question))
    [reply] = wait_for(lambda: replies_to(standin, question["roomId"], "sourdough"))
    card_message = next(m for m in standin.state.messages.values() if "sourdough" in m.get("markdown", ""))
    vote = standin.add_action(card_message, {"action": "feedback", "helpful": False,
                                             "question": "list spaces", "scopes": ["spark:rooms_read"]})
    service.post(envelope("attachmentActions", {"id": vote["id"], "messageId": card_message["id"]}))
    store = FeedbackStore(Database(service.env["DATABASE_URL"], 10))
    report = wait_for(lambda: (r := store.report()).scopes.get("spark:rooms_read") and r)
    assert report.scopes["spark:rooms_read"]["unhelpful"] >= 1
    assert any(row["question"] == "how do i bake sourdough bread" for row in report.unanswered)


def test_the_answering_process_purges_old_questions_once_started(service) -> None:
    [line] = wait_for(lambda: [l for l in service.log_lines() if l.get("event") == "purged"])
    assert line["retention_days"] == 90 and {"misses", "votes", "events"} <= line.keys()
