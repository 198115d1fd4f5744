"""The worker side of the pipeline: an ordered list of small steps, each given the event and
the tools it needs, each either passing the event on or ending it with an outcome.

    drop_bots -> fetch -> drop_unaddressed -> answer -> reply

(The request side, verify -> parse -> store, is bot.service.intake and the webhooks blueprint.)
A step that raises leaves the event in the inbox to be tried again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

from bot.core.handler import Handler, Reply
from bot.service.access import AccessPolicy
from bot.webex.client import BotIdentity, CardAction, IncomingMessage, WebexClient


@dataclass(frozen=True)
class Tools:
    """What the steps work with, built once by bot.service.wiring."""

    handler: Handler
    client: WebexClient
    identity: Callable[[], BotIdentity]  # fetched from Webex on first need, then kept
    access: AccessPolicy


@dataclass
class Event:
    """One webhook event on its way through the steps; each step fills in what it learnt."""

    kind: str  # "message" or "action"
    data: Mapping[str, Any]  # the envelope's data, as Webex sent it
    attempt: int = 1  # 2 and more: an earlier try may have posted the reply already
    message: IncomingMessage | None = None  # the question, or the card that was pressed
    action: CardAction | None = None
    reply: Reply | None = None
    outcome: str = ""


Step = Callable[[Event, Tools], str | None]  # returns an outcome to stop with, None to go on


def run(event: Event, tools: Tools, steps: list[Step]) -> str:
    """Pass `event` through `steps` in order; the outcome of the step that ended it."""
    for step in steps:
        outcome = step(event, tools)
        if outcome:
            return outcome
    return event.outcome
