"""What the bot does with a verified webhook: fetch, answer, reply in the right place.

Runs on the background worker. Every message id and card action id is claimed in the shared
store first, so an event delivered twice (to one worker or two) is handled once.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Mapping

from bot.handler import Handler
from bot.logs import elapsed_ms
from bot.mentions import mentions_bot, question_text, same_person
from bot.store import HandledStore
from bot.webex import BotIdentity, IncomingMessage, WebexClient

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

    def __init__(self, handler: Handler, client: WebexClient, store: HandledStore, bot: BotIdentity):
        self.handler = handler
        self.client = client
        self.store = store
        self.bot = bot

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
            return
        if not self.store.claim("message", message_id):
            log.info("duplicate message ignored", extra={"message_id": message_id})
            return
        start = time.monotonic()
        try:
            message = self.client.get_message(message_id)
            if self._from_a_bot(message.person_id, message.person_email):
                return
            if message.room_type == "group" and not mentions_bot(message, self.bot):
                return
            reply = self.handler.handle_text(question_text(message, self.bot))
            self.client.send(message.room_id, reply.markdown, reply.card, reply_parent(message))
        except Exception:
            self.store.release("message", message_id)
            raise
        log.info("answered", extra={"message_id": message_id, "ms": elapsed_ms(start),
                                    "scopes": reply.answer.scopes if reply.answer else []})

    def on_action(self, data: Mapping[str, Any]) -> None:
        action_id = data["id"]
        if not self.store.claim("action", action_id):
            log.info("duplicate card action ignored", extra={"action_id": action_id})
            return
        start = time.monotonic()
        try:
            action = self.client.get_action(action_id)
            reply = self.handler.handle_action(action.inputs)
            if reply is not None:
                card_message = self.client.get_message(action.message_id)
                self.client.send(action.room_id or card_message.room_id, reply.markdown, reply.card,
                                 reply_parent(card_message))
        except Exception:
            self.store.release("action", action_id)
            raise
        log.info("card action handled", extra={"action_id": action_id, "ms": elapsed_ms(start),
                                               "action": action.inputs.get("action")})
