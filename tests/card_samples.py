"""One reply of every kind the bot sends, built by the real handler with the real knowledge base.

GUIDANCE and CLARIFY answers are built directly (the matcher does not give them yet), and the
guidance topics are stand-ins shaped like the knowledge loader's.
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace
from typing import Any, Callable

from bot.core.answer import Answer, AnswerKind, Confidence, Need, Via
from bot.core.handler import Handler, Reply
from bot.core.knowledge import KnowledgeBase

GUIDANCE_TOPICS = {
    "bots": SimpleNamespace(
        id="bots", title="Bots do not ask for scopes",
        summary="A bot's access token comes with a fixed set of permissions; you never choose "
                "scopes for it, and no user is asked to authorize anything.",
        points=["A bot sees only the spaces it is a member of, and in group spaces only the "
                "messages that mention it.",
                "To act as a person (their messages, meetings, calls) build an integration instead; "
                "that is where scopes such as spark:messages_read come in."],
        instead="Create an integration and ask for the scopes of what it must do.",
        source=["https://developer.webex.com/docs/bots",
                "https://developer.webex.com/docs/integrations"]),
}
HOSTILE = ("<@all> **urgent** [click](https://evil.example) ![x](https://evil.example/p.png) "
           "<b>hi</b> \u202egnp.exe\u200b answer calls " + "and more " * 20)


class _WithGuidance:
    """The knowledge base with guidance topics, as the loader will provide them."""

    def __init__(self, kb: KnowledgeBase):
        self._kb = kb
        self.guidance = GUIDANCE_TOPICS

    def __getattr__(self, name: str) -> Any:
        return getattr(self._kb, name)


def _clarify(kb: KnowledgeBase) -> Answer:
    needs = (Need("read the messages in the spaces you are in", kb["spark:messages_read"], Via.WORDS),
             Need("read every message in the organization, as a compliance officer",
                  kb["spark-compliance:messages_read"], Via.WORDS))
    return Answer("read all messages", AnswerKind.CLARIFY, needs, "two readings",
                  Confidence.MEDIUM, ("You want to read messages, not send them.",))


def _unsure(handler: Handler) -> Answer:
    answer = handler.matcher.answer("manage stuff for people")
    return replace(answer, confidence=Confidence.LOW,
                   assumptions=("'people' means groups of people in your organization.",))


def sample_replies(handler: Handler) -> dict[str, Reply]:
    """Every kind of reply, keyed by a short name, each built by `handler`."""
    kb = handler.kb
    guide = Handler(_WithGuidance(kb), handler.matcher)  # type: ignore[arg-type]
    ask: Callable[[str], Reply] = handler.handle_text
    act = handler.handle_action
    replies = {
        "answer": ask("what scope do I need to answer calls"),
        "answer-unsure": handler.reply(_unsure(handler)),
        "endpoint": ask("GET /v1/people/abc"),
        "plan": ask("answer calls, read voicemail, pull cdrs for the org, create spaces and "
                    "schedule meetings"),
        "compare": ask("compare spark:calls_read and spark:calls_write"),
        "unlocks": ask("what can I do with spark-admin:calling_cdr_read"),
        "guidance": guide.reply(Answer("what scopes does my bot need", AnswerKind.GUIDANCE,
                                       why="bots have no scopes", guidance=("bots",))),
        "clarify": handler.reply(_clarify(kb)),
        "decline": ask("sing me a song"),
        "decline-hostile": ask(HOSTILE),
        "help": ask("help"),
        "areas": ask("list"),
        "area": ask("list calling"),
        "button-scope": act({"action": "scope", "scope": "spark:calls_read"}),
        "button-related": act({"action": "related", "scope": "spark:calls_write"}),
        "button-help": act({"action": "help"}),
        "button-list": act({"action": "list"}),
        "button-feedback": act({"action": "feedback", "helpful": True, "question": "answer calls",
                                "scopes": ["spark:calls_write"]}),
    }
    return {name: reply for name, reply in replies.items() if reply is not None}


def sample_cards(handler: Handler) -> dict[str, dict]:
    """The card of every sample reply that has one."""
    return {name: r.card for name, r in sample_replies(handler).items() if r.card is not None}
