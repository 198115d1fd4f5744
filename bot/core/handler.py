"""The reply pipeline shared by every entry point (webhooks, local mode, CLI).

Text goes in, a Reply (Markdown fallback plus an Adaptive Card) comes out. Commands are tried
first, then the matcher. Card button presses come in as their submitted data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Protocol

from bot.core import cards
from bot.core.answer import Answer, AnswerKind
from bot.core.knowledge import KnowledgeBase
from bot.core.matching import Matcher

MAX_QUESTION_CHARS = 8000  # above Webex's own limit on a message (7439 bytes)


@dataclass(frozen=True)
class Reply:
    """What the bot sends back: Markdown that stands alone, and optionally a card."""

    markdown: str
    card: dict[str, Any] | None = None
    answer: Answer | None = None

    def to_json(self, question: str) -> dict[str, Any]:
        """`ask --json`'s row: the answer's fields (a command's reply has no scopes) and the text."""
        answer = self.answer or Answer(question, AnswerKind.HELP)
        return {**answer.to_json(), "text": self.markdown}


class Recorder(Protocol):
    """Where misses and votes go (bot.feedback.FeedbackStore in the service)."""

    def question_missed(self, answer: Answer) -> None: ...

    def vote(self, inputs: Mapping[str, Any]) -> bool: ...


class Handler:
    """Turns questions and card actions into replies."""

    def __init__(self, kb: KnowledgeBase, matcher: Matcher | None = None,
                 recorder: Recorder | None = None):
        self.kb = kb
        self.matcher = matcher or Matcher(kb)
        self.recorder = recorder

    def handle_text(self, text: str) -> Reply:
        """Answer one message: a command (help, list [area]) or a question."""
        text = text.strip()[:MAX_QUESTION_CHARS]  # lines are kept: code and quotes are told apart by them
        command, _, rest = " ".join(text.split()).partition(" ")
        command = command.lower().strip("/!?.")
        if not text or command in ("help", "start", "hi", "hello") and not rest:
            return self.help()
        if command == "list" and (not rest or rest.strip().lower() in self.kb.areas):
            return self.list_area(rest.strip().lower() or None)  # "list rooms" is a question about rooms
        return self.answer(text)

    def answer(self, question: str) -> Reply:
        answer = self.matcher.answer(question)
        if self.recorder is not None and (not answer.answered or not answer.confident):
            self.recorder.question_missed(answer)
        return Reply(cards.answer_markdown(answer, self.kb), cards.answer_card(answer, self.kb), answer)

    def help(self) -> Reply:
        markdown = ("**scopebot** tells you which OAuth scopes a Webex integration needs. Ask in plain "
                    "words, name a scope, paste an API endpoint, or list several needs in one sentence. "
                    "Examples: " + "; ".join(f"`{q}`" for q in cards.EXAMPLE_QUESTIONS)
                    + ". Commands: `help`, `list`, `list AREA`.")
        return Reply(markdown, cards.help_card(self.kb))

    def list_area(self, name: str | None) -> Reply:
        area = self.kb.areas.get(name) if name else None
        if area is None:
            lines = [f"- `{a.name}`: {a.title} ({len(self.kb.in_area(a.name))} scopes)"
                     for a in self.kb.areas.values()]
            return Reply("**Scope areas** (say `list AREA`):\n" + "\n".join(lines),
                         cards.list_card(self.kb, None))
        lines = [f"- `{s.name}` ({cards.badges(s)})" for s in self.kb.in_area(area.name)]
        return Reply(cards.fit_markdown(f"**{area.title}**: {area.summary}\n" + "\n".join(lines)),
                     cards.list_card(self.kb, area))

    def handle_action(self, inputs: Mapping[str, Any]) -> Reply | None:
        """A card button press; None when nothing needs to be said back."""
        action = inputs.get("action")
        if action == "scope" and isinstance(inputs.get("scope"), str):
            scope = self.kb.get(inputs["scope"])
            if scope is not None:
                return Reply(cards.scope_markdown(scope, self.kb), cards.scope_card(scope, self.kb))
        if action == "related" and isinstance(inputs.get("scope"), str):
            scope = self.kb.get(inputs["scope"])
            if scope is not None:
                related = [s for name in scope.related if (s := self.kb.get(name)) is not None]
                answer = self.matcher.compare([scope, *related])
                return Reply(cards.answer_markdown(answer, self.kb), cards.answer_card(answer, self.kb), answer)
        if action == "help":
            return self.help()
        if action == "list":
            return self.list_area(None)
        if action == "feedback":
            if self.recorder is not None and not self.recorder.vote(inputs):
                return Reply("Sorry, I could not read that feedback.")
            return Reply("Thanks for the feedback.")
        return None

