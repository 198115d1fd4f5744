"""The shared reply pipeline: commands, questions and card actions."""

from __future__ import annotations

from bot.core.handler import Handler


def test_help_command(handler) -> None:
    for text in ("help", "  HELP ", "/help", ""):
        reply = handler.handle_text(text)
        assert "scopebot" in reply.markdown and reply.card is not None and reply.answer is None


def test_list_areas_and_one_area(handler, kb) -> None:
    assert "calling" in handler.handle_text("list").markdown
    reply = handler.handle_text("list calling")
    assert all(s.name in reply.markdown for s in kb.in_area("calling"))
    assert handler.handle_text("list nonsense").answer.kind == "decline"  # a question, not a command


def test_list_of_a_resource_is_a_question_about_it(handler) -> None:
    assert handler.handle_text("list rooms").answer.scopes == ["spark:rooms_read"]
    assert handler.handle_text("list webhooks").answer is not None


def test_a_question_that_starts_with_list_is_still_a_question(handler) -> None:
    assert handler.handle_text("list room members").answer.scopes == ["spark:memberships_read"]


def test_question_reply_carries_answer_card_and_markdown(handler) -> None:
    reply = handler.handle_text("what scope do I need to answer calls")
    assert reply.answer.scopes[0] == "spark:calls_write"
    assert "spark:calls_write" in reply.markdown and reply.card["version"] == "1.3"


def test_card_actions(handler) -> None:
    shown = handler.handle_action({"action": "scope", "scope": "spark:calls_read"})
    assert shown.markdown.startswith("**`spark:calls_read`**")
    related = handler.handle_action({"action": "related", "scope": "spark:calls_write"})
    assert related.answer.kind == "compare" and "spark:calls_write" in related.answer.scopes
    assert "scopebot" in handler.handle_action({"action": "help"}).markdown
    assert handler.handle_action({"action": "scope", "scope": "spark:nope"}) is None
    assert handler.handle_action({"action": "unknown"}) is None
    assert handler.handle_action({}) is None


class Recorder:
    def __init__(self) -> None:
        self.missed, self.votes = [], []

    def question_missed(self, answer) -> None:
        self.missed.append(answer.question)

    def vote(self, inputs) -> bool:
        self.votes.append(inputs)
        return isinstance(inputs.get("helpful"), bool)


def test_feedback_and_misses_are_recorded(kb, matcher) -> None:
    recorder = Recorder()
    handler = Handler(kb, matcher, recorder=recorder)
    reply = handler.handle_action({"action": "feedback", "helpful": True, "scopes": ["spark:calls_write"]})
    assert reply.markdown.startswith("Thanks — noted") and recorder.votes[0]["helpful"] is True
    assert "could not read" in handler.handle_action({"action": "feedback", "helpful": "yes"}).markdown
    handler.handle_text("sing me a song")
    handler.handle_text("answer calls")
    assert recorder.missed == ["sing me a song"]


def test_very_long_input_is_bounded(handler) -> None:
    reply = handler.handle_text("answer calls " * 5000)
    assert reply.answer.scopes[0] == "spark:calls_write"
