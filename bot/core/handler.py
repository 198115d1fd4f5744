"""The reply pipeline shared by every entry point (webhooks, local mode, CLI).

Text goes in, a Reply (Markdown fallback plus an Adaptive Card) comes out. Commands are tried
first, then the matcher. Card button presses come in as their submitted data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Protocol

from bot.core import cards, fallback
from bot.core.actions import CardAction
from bot.core.answer import Answer, AnswerKind
from bot.core.knowledge import KnowledgeBase
from bot.core.matching import Matcher
from bot.core.matching.matcher import compared
from bot.core.oauth import AppLinks
from bot.core.safe_text import quoted_markdown

MAX_QUESTION_CHARS = 8000  # above Webex's own limit on a message (7439 bytes)
MAX_RELATED = 3  # scopes compared by the "related" button, the pressed one included


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
                 recorder: Recorder | None = None, links: AppLinks = AppLinks()):
        self.kb = kb
        self.matcher = matcher or Matcher(kb)
        self.recorder = recorder
        self.links = links

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
        """The matcher's answer to `question`, recorded when it is a miss."""
        answer = self.matcher.answer(question, self.links)
        if self.recorder is not None and (not answer.answered or not answer.confident):
            self.recorder.question_missed(answer)
        return self.reply(answer)

    def reply(self, answer: Answer) -> Reply:
        """The card and Markdown for an answer of any kind."""
        return Reply(fallback.answer_markdown(answer, self.kb, self.links),
                     cards.answer_card(answer, self.kb, self.links), answer)

    def help(self) -> Reply:
        return Reply(fallback.help_markdown(), cards.help_card(self.kb))

    def list_area(self, name: str | None) -> Reply:
        area = self.kb.areas.get(name) if name else None
        return Reply(fallback.list_markdown(self.kb, area), cards.list_card(self.kb, area))

    def show_scope(self, name: Any) -> Reply | None:
        """Everything about the scope called `name`, or None when there is none."""
        scope = self.kb.get(name) if isinstance(name, str) else None
        if scope is None:
            return None
        return Reply(fallback.scope_markdown(scope, self.kb),
                     cards.scope_card(scope, self.kb, links=self.links))

    def handle_action(self, inputs: Mapping[str, Any]) -> Reply | None:
        """A card button press; None when nothing needs to be said back."""
        action = CardAction.of(inputs)
        if action == CardAction.SCOPE:
            return self.show_scope(inputs.get("scope"))
        if action == CardAction.RELATED and isinstance(inputs.get("scope"), str):
            scope = self.kb.get(inputs["scope"])
            if scope is not None:
                related = [s for name in scope.related if (s := self.kb.get(name)) is not None]
                return self.reply(compared([scope, *related][:MAX_RELATED]))
        if action == CardAction.HELP:
            return self.help()
        if action == CardAction.LIST:
            return self.list_area(None)
        if action == CardAction.FEEDBACK:
            return self.feedback(inputs)
        return None

    def feedback(self, inputs: Mapping[str, Any]) -> Reply:
        """Record a vote and acknowledge it, saying the card's buttons will not count twice."""
        if self.recorder is not None and not self.recorder.vote(inputs):
            return Reply("Sorry, I could not read that feedback.")
        verdict = "helpful" if inputs.get("helpful") is True else "not helpful"
        question = inputs.get("question")
        asked = isinstance(question, str) and question
        about = f" the answer to {quoted_markdown(question)}" if asked else " that answer"
        return Reply(f"Thanks — noted that{about} was {verdict}. The buttons on that card count "
                     "one vote only, so pressing them again changes nothing.")
