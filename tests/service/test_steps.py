"""Each step of the worker pipeline alone, with an in-memory Webex client (no HTTP)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pytest

from bot.core.handler import Handler, Reply
from bot.service import steps
from bot.service.access import AccessPolicy
from bot.service.lazy import Lazy
from bot.service.pipeline import Event, Tools, run
from bot.storage.feedback import CARD, VOTER
from bot.webex.client import BotIdentity, CardAction, IncomingMessage

BOT = BotIdentity("bot-id", "ScopeBot")
QUESTION = IncomingMessage("m1", "room-1", "direct", person_id="p1", person_email="ada@example.com",
                           text="answer calls", created="2026-11-24T10:00:00.000Z")
CARD_MESSAGE = IncomingMessage("card-1", "room-1", "group", parent_id="m1", person_id=BOT.id,
                               person_email="scopebot@webex.bot", created="2026-11-24T10:00:01.000Z")


@dataclass
class FakeClient:
    """Just enough of WebexClient: messages, one card action, and what was sent."""

    messages: dict[str, IncomingMessage] = field(default_factory=dict)
    action: CardAction | None = None
    sent: list[tuple] = field(default_factory=list)
    emails: dict[str, str] = field(default_factory=dict)

    def get_message(self, message_id: str) -> IncomingMessage:
        return self.messages[message_id]

    def get_action(self, action_id: str) -> CardAction:
        assert self.action is not None
        return self.action

    def person_email(self, person_id: str) -> str:
        return self.emails.get(person_id, "")

    def recent_messages(self, room_id: str, parent_id: str | None, limit: int) -> list[IncomingMessage]:
        return [m for m in self.messages.values() if m.room_id == room_id][:limit]

    def send(self, room_id: str, markdown: str, card: dict | None = None, parent_id: str | None = None) -> str:
        self.sent.append((room_id, markdown, parent_id))
        new = IncomingMessage(f"sent-{len(self.sent)}", room_id, person_id=BOT.id, markdown=markdown,
                              created="2026-11-24T10:00:02.000Z")
        self.messages[new.id] = new
        return new.id


def tools(handler: Handler, client: FakeClient, access: AccessPolicy = AccessPolicy()) -> Tools:
    return Tools(handler=handler, client=client, identity=Lazy(lambda: BOT), access=access)  # type: ignore[arg-type]


@pytest.mark.parametrize("email", ["other@webex.bot", "Old@SparkBot.io", "scopebot@webex.bot "])
def test_drop_bots_stops_any_bot_account_before_fetching(handler, email: str) -> None:
    event = Event("message", {"id": "m1", "personId": "p9", "personEmail": email})
    assert steps.drop_bots(event, tools(handler, FakeClient())) == "from a bot"


def test_drop_bots_stops_the_bot_itself_and_passes_people(handler) -> None:
    assert steps.drop_bots(Event("message", {"id": "m1", "personId": BOT.id}), tools(handler, FakeClient()))
    assert steps.drop_bots(Event("message", {"id": "m1", "personEmail": "ada@example.com"}),
                           tools(handler, FakeClient())) is None


def test_fetch_gets_the_message_or_the_action_and_its_card(handler) -> None:
    client = FakeClient({"m1": QUESTION, "card-1": CARD_MESSAGE},
                        CardAction("a1", "card-1", "room-1", "p1", {"action": "help"}))
    event = Event("message", {"id": "m1"})
    assert steps.fetch(event, tools(handler, client)) is None and event.message == QUESTION
    pressed = Event("action", {"id": "a1"})
    steps.fetch(pressed, tools(handler, client))
    assert pressed.action == client.action and pressed.message == CARD_MESSAGE


@pytest.mark.parametrize("message, outcome", [
    (replace(QUESTION, person_email="x@sparkbot.io"), "from a bot"),
    (replace(QUESTION, room_type="group"), "not mentioned"),
    (replace(QUESTION, room_type="group", mentioned_people=(BOT.id,)), None),
    (QUESTION, None),
])
def test_drop_unaddressed_messages(handler, message: IncomingMessage, outcome: str | None) -> None:
    assert steps.drop_unaddressed(Event("message", {}, message=message), tools(handler, FakeClient())) == outcome


def test_a_stranger_in_a_direct_space_gets_the_refusal_as_reply(handler) -> None:
    event = Event("message", {}, message=QUESTION)
    policy = AccessPolicy(frozenset({"corp.example"}))
    assert steps.drop_unaddressed(event, tools(handler, FakeClient(), policy)) is None
    assert event.reply is not None and event.reply.markdown.startswith("Sorry") and event.outcome == "refused"
    group = Event("message", {}, message=replace(QUESTION, room_type="group", mentioned_people=(BOT.id,)))
    assert steps.drop_unaddressed(group, tools(handler, FakeClient(), policy)) == "not allowed"


def test_presses_on_cards_the_bot_did_not_send_are_ignored(handler) -> None:
    foreign = replace(CARD_MESSAGE, person_id="someone-else")
    event = Event("action", {}, message=foreign, action=CardAction("a1", "card-1", "room-1", "p1", {}))
    assert steps.drop_unaddressed(event, tools(handler, FakeClient())) == "not our card"


@pytest.mark.parametrize("inputs", [{"action": "scope", "scope": "spark:not_a_scope"},
                                    {"action": "feedback", "helpful": True, "scopes": ["spark:made_up"]},
                                    {"action": "related", "scope": 42}])
def test_presses_naming_unknown_scopes_are_ignored(handler, inputs: dict) -> None:
    event = Event("action", {}, message=CARD_MESSAGE, action=CardAction("a1", "card-1", "room-1", "p1", inputs))
    assert steps.answer(event, tools(handler, FakeClient())) == "unknown scope" and event.reply is None


def test_answer_turns_the_question_into_a_reply(handler) -> None:
    event = Event("message", {}, message=QUESTION)
    assert steps.answer(event, tools(handler, FakeClient())) is None
    assert event.reply is not None and "spark:calls_write" in event.reply.markdown


def test_a_vote_carries_who_pressed_which_card(kb, matcher) -> None:
    seen: list[dict] = []

    class Recorder:
        def question_missed(self, answer) -> None: ...

        def vote(self, inputs) -> bool:
            seen.append(dict(inputs))
            return True

    inputs = {"action": "feedback", "helpful": True, "scopes": ["spark:calls_write"], VOTER: "forged"}
    event = Event("action", {}, message=CARD_MESSAGE, action=CardAction("a1", "card-1", "room-1", "p1", inputs))
    steps.answer(event, tools(Handler(kb, matcher, Recorder()), FakeClient()))
    assert seen[0][VOTER] == "p1" and seen[0][CARD] == "card-1"


def test_reply_posts_in_the_thread_and_a_retry_does_not_post_twice(handler) -> None:
    client = FakeClient({"m1": QUESTION})
    event = Event("message", {}, message=QUESTION, reply=Reply("the answer"))
    assert steps.reply(event, tools(handler, client)) is None
    assert client.sent == [("room-1", "the answer", None)]
    retried = Event("message", {}, attempt=2, message=QUESTION, reply=Reply("the answer"))
    assert steps.reply(retried, tools(handler, client)) == "already answered" and len(client.sent) == 1


def test_a_retry_posts_when_webex_will_not_list_the_space(handler) -> None:
    from test_worker import api_error

    class Unlistable(FakeClient):
        def recent_messages(self, room_id: str, parent_id: str | None, limit: int) -> list[IncomingMessage]:
            raise api_error(403)

    client = Unlistable({"m1": QUESTION})
    retried = Event("message", {}, attempt=2, message=QUESTION, reply=Reply("the answer"))
    assert steps.reply(retried, tools(handler, client)) is None and len(client.sent) == 1


def test_the_whole_chain_answers_once(handler) -> None:
    client = FakeClient({"m1": QUESTION})
    outcome = run(Event("message", {"id": "m1", "personEmail": "ada@example.com"}), tools(handler, client),
                  steps.STEPS)
    assert outcome == "answered" and len(client.sent) == 1 and client.sent[0][2] is None


def test_identity_is_fetched_once_on_first_need() -> None:
    calls: list[int] = []
    identity = Lazy(lambda: calls.append(1) or BOT)
    assert calls == [] and identity() is BOT and identity() is BOT and calls == [1]
