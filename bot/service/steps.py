"""The steps of the worker pipeline (see bot.service.pipeline), in the order they run."""

from __future__ import annotations

import logging
from typing import Any, Mapping

from bot.core.handler import Reply
from bot.service.access import REFUSAL
from bot.service.pipeline import Event, Step, Tools
from bot.service.tuning import RECENT_MESSAGES
from bot.storage.feedback import CARD, VOTER
from bot.webex.client import BotIdentity, IncomingMessage
from bot.webex.mentions import mentions_bot, question_text, same_person
from bot.webex.retry import is_refusal

log = logging.getLogger("scopebot.steps")

BOT_EMAIL_DOMAINS = ("@webex.bot", "@sparkbot.io")  # bot accounts, today's domain and the old one


def from_a_bot(person_id: str, email: str, bot: BotIdentity) -> bool:
    """True for the bot itself and for any bot account: two bots must never answer each other."""
    return same_person(person_id, bot.id) or email.strip().lower().endswith(BOT_EMAIL_DOMAINS)


def reply_parent(message: IncomingMessage) -> str | None:
    """Where a reply goes: the question's thread, a new thread in group spaces, else none."""
    if message.parent_id:
        return message.parent_id
    return message.id if message.room_type == "group" else None


def drop_bots(event: Event, tools: Tools) -> str | None:
    """Messages from bots end here, before any call to fetch them (the webhook names the sender)."""
    if event.kind == "message" and from_a_bot(str(event.data.get("personId", "")),
                                              str(event.data.get("personEmail", "")), tools.identity()):
        return "from a bot"
    return None


def fetch(event: Event, tools: Tools) -> str | None:
    """Fetch the message, or the card action and the card it was pressed on."""
    if event.kind == "message":
        event.message = tools.client.get_message(event.data["id"])
    else:
        event.action = tools.client.get_action(event.data["id"])
        event.message = tools.client.get_message(event.action.message_id)
    return None


def drop_unaddressed(event: Event, tools: Tools) -> str | None:
    """What the bot must not answer: bots, group messages without a mention, presses on cards
    the bot did not send, and people the access policy leaves out (a 1:1 gets a refusal)."""
    message, bot = event.message, tools.identity()
    assert message is not None
    if event.action is not None:
        if not same_person(message.person_id, bot.id):
            return "not our card"
        if tools.access.restricted and not tools.access.allows(
                tools.client.person_email(event.action.person_id), message.room_id):
            return "not allowed"
        return None
    if from_a_bot(message.person_id, message.person_email, bot):
        return "from a bot"
    if message.room_type == "group" and not mentions_bot(message, bot):
        return "not mentioned"
    if not tools.access.allows(message.person_email, message.room_id):
        if message.room_type != "direct":
            return "not allowed"
        event.reply, event.outcome = Reply(REFUSAL), "refused"
    return None


def _unknown_scopes(inputs: Mapping[str, Any], tools: Tools) -> bool:
    """True when a press names a scope the knowledge base does not know (a forged card)."""
    named = [inputs["scope"]] if "scope" in inputs else []
    named += inputs["scopes"] if isinstance(inputs.get("scopes"), list) else []
    return any(not isinstance(name, str) or tools.handler.kb.get(name) is None for name in named)


def answer(event: Event, tools: Tools) -> str | None:
    """Work out the reply: the answer to the question, or what the pressed button asks for."""
    if event.reply is not None:
        return None
    assert event.message is not None
    if event.action is None:
        event.reply = tools.handler.handle_text(question_text(event.message, tools.identity()))
        event.outcome = "answered"
        return None
    inputs = event.action.inputs
    if _unknown_scopes(inputs, tools):
        return "unknown scope"
    event.reply = tools.handler.handle_action({**inputs, VOTER: event.action.person_id, CARD: event.message.id})
    event.outcome = "acted"
    return None if event.reply is not None else "nothing to say"


def _already_posted(event: Event, tools: Tools, parent: str | None) -> bool:
    """True when an earlier try of this event got its reply into the room (it crashed or lost the
    answer before recording it): the bot's own message after the question, with this text."""
    assert event.message is not None and event.reply is not None
    bot = tools.identity()
    try:
        recent = tools.client.recent_messages(event.message.room_id, parent, RECENT_MESSAGES)
    except Exception as error:
        if not is_refusal(error):
            raise
        log.warning("cannot list the space to check for an earlier reply; posting", extra={"error": str(error)[:200]})
        return False  # a possible second answer is better than none
    return any(same_person(m.person_id, bot.id) and m.markdown == event.reply.markdown
               and m.created >= event.message.created and m.id != event.message.id for m in recent)


def reply(event: Event, tools: Tools) -> str | None:
    """Post the reply in the question's space and thread, unless an earlier try already did."""
    assert event.message is not None and event.reply is not None
    parent = reply_parent(event.message)
    if event.attempt > 1 and _already_posted(event, tools, parent):
        return "already answered"
    tools.client.send(event.message.room_id, event.reply.markdown, event.reply.card, parent)
    return None


STEPS: list[Step] = [drop_bots, fetch, drop_unaddressed, answer, reply]
