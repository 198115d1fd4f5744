"""What the bot does with a verified webhook: fetch, answer, reply in the right place.

Runs on the background worker. Every message id and card action id is claimed in the shared
store first, so an event delivered twice (to one worker or two) is handled once.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Callable, Mapping

from bot.service.access import REFUSAL, AccessPolicy
from bot.core.handler import Handler
from bot.service.logs import elapsed_ms
from bot.webex.mentions import mentions_bot, question_text, same_person
from bot.storage.handled import HandledStore
from bot.webex.client import BotIdentity, IncomingMessage, WebexClient

log = logging.getLogger("scopebot.events")
HANDLED_EVENTS = {("messages", "created"), ("attachmentActions", "created")}
BOT_EMAIL_DOMAIN = "@webex.bot"


def reply_parent(message: IncomingMessage) -> str | None:
    """Where a reply goes: the question's thread, a new thread in group spaces, else none."""
    if message.parent_id:
        return message.parent_id
    return message.id if message.room_type == "group" else None


class EventProcessor:
    """Handles `messages/created` and `attachmentActions/created` webhook envelopes."""

    def __init__(self, handler: Handler, client: WebexClient, store: HandledStore, bot: BotIdentity,
                 access: AccessPolicy | None = None):
        self.handler = handler
        self.client = client
        self.store = store
        self.bot = bot
        self.access = access or AccessPolicy()

    def process(self, envelope: Mapping[str, Any]) -> None:
        data = envelope["data"]
        if envelope["resource"] == "messages":
            self.on_message(data)
        else:
            self.on_action(data)

    def _from_a_bot(self, person_id: str, email: str) -> bool:
        return same_person(person_id, self.bot.id) or email.lower().endswith(BOT_EMAIL_DOMAIN)

    def on_message(self, data: Mapping[str, Any]) -> None:
        message_id = data["id"]
        if self._from_a_bot(str(data.get("personId", "")), str(data.get("personEmail", ""))):
            log.info("ignored", extra={"kind": "message", "message_id": message_id, "outcome": "from a bot"})
            return
        self._once("message", message_id, lambda: self._answer(message_id))

    def on_action(self, data: Mapping[str, Any]) -> None:
        action_id = data["id"]
        self._once("action", action_id, lambda: self._act(action_id))

    def _once(self, kind: str, event_id: str, work: Callable[[], dict]) -> None:
        """Do `work` for an event unless it was claimed already; on failure say so in the log
        (naming the event) and release the claim so a redelivery can try again."""
        if not self.store.claim(kind, event_id):
            log.info("duplicate ignored", extra={"kind": kind, "event_id": event_id})
            return
        start = time.monotonic()
        try:
            outcome = work()
        except Exception as error:
            self.store.release(kind, event_id)
            log.error("reply lost: Webex kept failing", extra={
                "kind": kind, f"{kind}_id": event_id, "ms": elapsed_ms(start),
                "error": f"{type(error).__name__}: {error}"[:300]})
            return
        log.info("handled", extra={"kind": kind, f"{kind}_id": event_id, "ms": elapsed_ms(start), **outcome})

    def _answer(self, message_id: str) -> dict:
        message = self.client.get_message(message_id)
        if self._from_a_bot(message.person_id, message.person_email):
            return {"outcome": "from a bot"}
        if message.room_type == "group" and not mentions_bot(message, self.bot):
            return {"outcome": "not mentioned"}
        if not self.access.allows(message.person_email, message.room_id):
            if message.room_type == "direct":
                self.client.send(message.room_id, REFUSAL)
            return {"outcome": "not allowed"}
        reply = self.handler.handle_text(question_text(message, self.bot))
        self.client.send(message.room_id, reply.markdown, reply.card, reply_parent(message))
        return {"outcome": "answered", "scopes": reply.answer.scopes if reply.answer else []}

    def _act(self, action_id: str) -> dict:
        action = self.client.get_action(action_id)
        card_message = self.client.get_message(action.message_id)
        if self.access.restricted and not self.access.allows(
                self.client.person_email(action.person_id), card_message.room_id):
            return {"outcome": "not allowed"}
        reply = self.handler.handle_action(action.inputs)
        if reply is not None:
            self.client.send(card_message.room_id, reply.markdown, reply.card, reply_parent(card_message))
        return {"outcome": "acted", "action": str(action.inputs.get("action"))}
