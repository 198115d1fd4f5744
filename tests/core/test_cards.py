"""Every card the knowledge base can produce passes the Adaptive Cards 1.3 rules Webex renders and
the card design's rules; each Markdown fallback stands alone."""

from __future__ import annotations

import itertools
import json

import pytest

from bot.core import cards, fallback
from bot.core.card_rules import card_problems

QUESTIONS = [
    "what scope do I need to answer calls", "GET /v1/people/abc", "read and write messages",
    "compare spark:calls_read and spark:calls_write", "sing me a song", "vocemail",
    "answer calls, read voicemail, pull cdrs for the org, create spaces and schedule meetings",
]


def assert_valid(card: dict) -> None:
    assert card_problems(card) == []
    json.dumps(card)  # serialisable as sent


def test_every_scope_card_is_valid(kb) -> None:
    for scope in kb.scopes:
        card = cards.scope_card(scope, kb, "a question")
        assert_valid(card)
        text = json.dumps(card)
        assert scope.name in text and scope.source in text


def test_every_counterpart_comparison_is_valid(kb, matcher) -> None:
    for scope in kb.scopes:
        if scope.counterpart:
            answer = matcher.answer(f"compare {scope.name} and {scope.counterpart}")
            assert answer.kind == "compare"
            assert_valid(cards.answer_card(answer, kb))


def test_plan_cards_for_combinations_are_valid(kb, matcher) -> None:
    names = [s.name for s in kb.scopes[::9]]
    for a, b, c in itertools.islice(itertools.combinations(names, 3), 200):
        answer = matcher.answer(f"{a} and {b} and {c}")
        card = cards.answer_card(answer, kb)
        assert_valid(card)


@pytest.mark.parametrize("question", QUESTIONS)
def test_answer_cards_and_fallbacks(kb, matcher, question: str) -> None:
    answer = matcher.answer(question)
    assert_valid(cards.answer_card(answer, kb))
    markdown = fallback.answer_markdown(answer, kb)
    assert 0 < len(markdown.encode("utf-8")) <= fallback.MAX_MARKDOWN_BYTES
    for name in answer.scopes:
        assert name in markdown


def test_help_and_list_cards_are_valid(kb) -> None:
    assert_valid(cards.help_card(kb))
    assert_valid(cards.list_card(kb, None))
    for area in kb.areas.values():
        assert_valid(cards.list_card(kb, area))


def test_markdown_fallback_stands_alone(kb) -> None:
    scope = kb["spark-admin:calling_cdr_read"]
    text = fallback.scope_markdown(scope, kb)
    for part in (scope.name, "Admin", "Read", "administrator", "Detailed Call History API access",
                 "Endpoints on analytics-calling.webexapis.com: `GET /v1/cdr_feed`", scope.source):
        assert part in text


def test_long_markdown_is_cut_within_the_limit() -> None:
    text = fallback.fit_markdown("é" * 10000)
    assert len(text.encode("utf-8")) <= fallback.MAX_MARKDOWN_BYTES and text.endswith("(answer shortened)")


@pytest.mark.parametrize("mutate, problem", [
    (lambda c: c.update(version="1.4"), "version"),
    (lambda c: c["body"].append({"type": "Table", "columns": []}), "Table"),
    (lambda c: c["body"].append({"type": "TextBlock", "text": "x", "style": "heading"}), "style"),
    (lambda c: c["body"].append({"type": "TextBlock", "text": ""}), "non-empty text"),
    (lambda c: c["body"].append({"type": "TextBlock", "text": "x", "color": "purple"}), "color"),
    (lambda c: c["actions"].append({"type": "Action.Execute", "title": "x"}), "Action.Execute"),
    (lambda c: c["actions"].extend([{"type": "Action.Submit", "title": "x", "data": {"action": "help"}}] * 2),
     "at most 3"),
    (lambda c: c["body"].append({"type": "ActionSet", "actions": [
        {"type": "Action.Submit", "title": "x", "data": {"action": "help"}}] * 2}), "buttons in view"),
    (lambda c: c["actions"].__setitem__(0, {"type": "Action.Submit", "title": "x",
                                            "data": {"action": "nope"}}), "not a CardAction"),
    (lambda c: c["body"].append({"type": "TextBlock", "text": "Endpoints:\n- GET /v1/rooms"}),
     "Markdown list"),
    (lambda c: c["body"].append({"type": "RichTextBlock", "inlines": [{"type": "TextRun"}]}), "TextRun"),
    (lambda c: c["actions"][0]["card"]["body"].extend([{"type": "ActionSet", "actions": [
        {"type": "Action.Submit", "title": "x", "data": {"action": "help"}}] * 2}] * 2),
     "at most 5 in a card"),
    (lambda c: c["actions"].append({"type": "Action.ShowCard", "title": "x", "card": {"type": "AdaptiveCard",
        "body": [{"type": "Table"}]}}), "Table"),
    (lambda c: c["actions"].append({"type": "Action.OpenUrl", "title": "x", "url": "javascript:1"}), "https"),
    (lambda c: c["body"].append({"type": "FactSet", "facts": [{"title": "a"}]}), "FactSet"),
])
def test_the_rules_catch_what_webex_cannot_render(kb, mutate, problem: str) -> None:
    card = cards.scope_card(kb["spark:calls_write"], kb)
    assert card_problems(card) == []
    mutate(card)
    assert any(problem in p for p in card_problems(card))
