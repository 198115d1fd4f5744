"""One reply of every kind the bot sends, built by the real handler with the real knowledge base.

Only the unsure answer is forced (its confidence lowered, an assumption added), so the card for
a low-confidence answer is always among the samples.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from bot.core.answer import Answer, Confidence
from bot.core.handler import Handler, Reply

HOSTILE = ("<@all> **urgent** [click](https://evil.example) ![x](https://evil.example/p.png) "
           "<b>hi</b> \u202egnp.exe\u200b answer calls " + "and more " * 20)

PASTED_CODE = """my script gets 403, which scopes?
```
for room in api.rooms.list():
    api.messages.create(roomId=room.id, markdown="hi")
api.memberships.create(roomId=room_id, personEmail="a@example.com")
api.telephony.calls.dial(destination="+15551234")
webex.widgets.frobnicate()
```"""


def _unsure(handler: Handler) -> Answer:
    answer = handler.matcher.answer("manage stuff for people")
    return replace(answer, confidence=Confidence.LOW,
                   assumptions=("'people' means groups of people in your organization.",))


def sample_replies(handler: Handler) -> dict[str, Reply]:
    """Every kind of reply, keyed by a short name, each built by `handler`."""
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
        "guidance": ask("can I add more scopes to my bot token?"),
        "clarify": ask("recordings"),
        "decline": ask("sing me a song"),
        "hostile": ask(HOSTILE),
        "code": ask(PASTED_CODE),
        "audit": ask("my integration requests spark:all spark-admin:people_read spark:messages_write and only "
                     "posts messages and lists rooms; the admin refuses to approve it"),
        "audit-url": ask("https://webexapis.com/v1/authorize?client_id=C0ffee&response_type=code&redirect_uri="
                         "https%3A%2F%2Fapp.example.com%2Fcallback&scope=spark%3Aall%20spark%3Akms&state=s1"),
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
