"""The card design: short action rows, names on their own lines, plain confidence, working links,
inert echoes, and a Markdown fallback that says the same on its own."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from bot.core import cards, fallback
from bot.core.actions import CardAction
from bot.core.answer import Answer, AnswerKind, Confidence
from bot.core.card_rules import card_problems
from bot.core.handler import Handler
from bot.core.layout import LONG_RUN_CHARS
from bot.core.oauth import AppLinks
from card_samples import HOSTILE, sample_replies

LINKS = AppLinks("C0ffee123", "https://example.com/oauth/callback")


def elements_of(node) -> list[dict]:
    """Every element and action in a card, those behind Action.ShowCard buttons too."""
    if isinstance(node, list):
        return [e for item in node for e in elements_of(item)]
    if not isinstance(node, dict):
        return []
    return ([node] if "type" in node else []) + [e for v in node.values() for e in elements_of(v)]


def actions_of(card: dict) -> list[dict]:
    """Every action of a card, those behind Action.ShowCard buttons too."""
    return [e for e in elements_of(card) if str(e["type"]).startswith("Action.")]


@pytest.fixture(scope="module")
def replies(kb, matcher):
    return sample_replies(Handler(kb, matcher))


def test_every_sample_card_follows_the_design(replies) -> None:
    for name, reply in replies.items():
        assert 0 < len(reply.markdown.encode("utf-8")) <= fallback.MAX_MARKDOWN_BYTES, name
        assert "YOUR_CLIENT_ID" not in reply.markdown, name
        if reply.card is not None:
            assert card_problems(reply.card) == [], name
            assert "YOUR_CLIENT_ID" not in json.dumps(reply.card), name
            assert "FactSet" not in json.dumps(reply.card), name  # its titles split scope names


def test_authorization_is_a_working_button_or_nothing(kb, matcher) -> None:
    answer = matcher.answer("answer calls")
    with_links = cards.answer_card(answer, kb, LINKS)
    [button] = [a for a in with_links["actions"] if a["title"] == "Authorize"]
    assert button["type"] == "Action.OpenUrl" and "client_id=C0ffee123" in button["url"]
    markdown = fallback.answer_markdown(answer, kb, LINKS)
    assert "Authorize: https://webexapis.com/v1/authorize?client_id=C0ffee123" in markdown
    without = cards.answer_card(answer, kb)
    assert not any(a["title"] == "Authorize" for a in actions_of(without))
    said = json.dumps(without) + fallback.answer_markdown(answer, kb)
    assert "WEBEX_CLIENT_ID" not in said and "Authorize" not in said  # the operator's settings are not the asker's
    assert not AppLinks("id", " ").ready and AppLinks.from_settings(
        {"WEBEX_CLIENT_ID": "a", "WEBEX_REDIRECT_URI": "https://b.example"}).ready


def test_the_docs_link_comes_last(replies) -> None:
    for name in ("answer", "endpoint", "plan", "compare", "unlocks", "guidance", "button-scope"):
        reply = replies[name]
        assert reply.markdown.rsplit("\n\n", 1)[-1].startswith("Docs: https://"), name
        assert reply.card["body"][-1]["text"].startswith("Docs: ["), name


def test_an_unsure_answer_says_so_and_offers_the_alternatives(kb, matcher) -> None:
    answer = replace(matcher.answer("GET /v1/people/abc"), confidence=Confidence.LOW,
                     assumptions=("You read people, not change them.",))
    card, markdown = cards.answer_card(answer, kb), fallback.answer_markdown(answer, kb)
    text = json.dumps(card)
    assert "Not sure" in text and "You read people, not change them." in text and "Not sure" in markdown
    shows = [a["data"]["scope"] for a in actions_of(card) if a.get("data", {}).get("action") == "scope"]
    assert answer.alternatives and answer.alternatives[0] in shows
    assert "Not sure" not in json.dumps(cards.answer_card(matcher.answer("answer calls"), kb))


def test_scopes_that_go_together_and_roles_are_shown_when_known(kb) -> None:
    scope = replace(kb["spark-admin:calling_cdr_read"], requires_scopes=("spark-admin:people_read",))
    assert '"text": "spark-admin:people_read"' in json.dumps(cards.scope_card(scope, kb))
    assert "Goes together with: `spark-admin:people_read`" in fallback.scope_markdown(scope, kb)
    analytics = kb["analytics:read_all"]  # any one of two admin roles, and a licence
    for shown in (json.dumps(cards.scope_card(analytics, kb)), fallback.scope_markdown(analytics, kb)):
        assert shown.count("Read-only administrator") == 1, shown  # said once, as "held by A or B and C"
        assert "Full administrator or Read-only administrator and Pro Pack for Control Hub" in shown


def test_each_scope_name_is_its_own_monospace_line(replies) -> None:
    for name in ("answer", "plan", "compare", "clarify"):
        reply = replies[name]
        lines = {e["text"] for e in elements_of(reply.card)
                 if e.get("type") == "TextBlock" and e.get("fontType") == "Monospace"}
        assert set(reply.answer.scopes) <= lines, name


def test_guidance_card_explains_and_links_its_sources(kb) -> None:
    topic = kb.guidance["bots"]
    card = cards.guidance_card([topic], "what scopes does my bot need")
    text = json.dumps(card)
    assert card_problems(card) == [] and topic.title in text and "Instead" in text
    assert topic.source[0] in text
    assert card_problems(cards.guidance_card([], "q")) == []


def test_guidance_answer_without_known_topics_still_answers(kb) -> None:
    answer = Answer("what scopes does my bot need", AnswerKind.GUIDANCE, guidance=("no-such-topic",))
    assert card_problems(cards.answer_card(answer, kb)) == []
    assert "no explanation" in fallback.answer_markdown(answer, kb)


def test_clarify_offers_each_reading_as_a_button_that_shows_its_scope(replies) -> None:
    reply = replies["clarify"]
    buttons = actions_of(reply.card)
    readings = [s.name for s in reply.answer.readings][:cards.MAX_CHOICES]
    assert len(readings) >= 2 and [b["data"] for b in buttons] == [CardAction.SCOPE.data(scope=s) for s in readings]
    assert all(name in reply.markdown for name in readings)


def test_decline_does_not_presume_a_scope_question(replies) -> None:
    titles = [a["title"] for a in actions_of(replies["decline"].card)]
    assert not any("scope" in t.lower() for t in titles)


def test_hostile_question_is_answered_and_echoed_inert(replies) -> None:
    reply = replies["hostile"]
    assert reply.answer.scopes == ["spark:calls_write"]  # the question, not the noise around it
    shown = json.dumps(reply.card, ensure_ascii=False, default=str).split('"data"')[0]  # not buttons' data
    assert "urgent" in shown
    for text in (reply.markdown, shown):
        for live in ("<@all>", "](https://evil", "https://evil", "<b>", "\u202e"):
            assert live not in text
        for run in text.split():  # the asker's zero-width space is gone; ours only break long runs
            assert all(len(piece) == LONG_RUN_CHARS for piece in run.split("\u200b")[:-1]), run
    assert "\\*\\*urgent\\*\\*" in reply.markdown
    assert HOSTILE.split()[-1] not in reply.markdown  # the echo is cut to one short line


def test_a_vote_is_acknowledged_once(replies) -> None:
    reply = replies["button-feedback"]
    assert reply.markdown.startswith("Thanks — noted") and "helpful" in reply.markdown
    assert "one vote only" in reply.markdown


def test_card_actions_keep_their_wire_values() -> None:
    assert {a.value for a in CardAction} >= {"scope", "related", "help", "list", "feedback"}
    assert CardAction.of({"action": "scope"}) is CardAction.SCOPE
    assert CardAction.of({"action": "nope"}) is None and CardAction.of("scope") is None


def test_a_plan_offers_its_alternatives_too(kb, matcher) -> None:
    plan = matcher.answer("read and write messages")
    first = replace(plan.needs[0], alternatives=(kb["spark-compliance:messages_read"],))
    answer = replace(plan, needs=(first, *plan.needs[1:]))
    card = cards.answer_card(answer, kb)
    assert card_problems(card) == []
    shows = [a.get("data") for a in actions_of(card)]
    assert CardAction.SCOPE.data(scope="spark-compliance:messages_read") in shows
    assert "Also close: `spark-compliance:messages_read`" in fallback.answer_markdown(answer, kb)


def test_an_answer_that_is_not_sure_says_so_first(matcher, kb) -> None:
    answer = matcher.answer("GET /v1/people/Y2lzY29zcGFyazovL3VzL1BFT1BMRS8x")
    assert answer.confidence == "medium"
    assert fallback.answer_markdown(answer, kb).startswith("**Fairly sure, not certain.**")
    assert cards.answer_card(answer, kb)["body"][0]["text"].startswith("**Fairly sure, not certain.**")


def test_a_plan_that_is_not_sure_asks_to_check_each_scope(matcher, kb) -> None:
    answer = matcher.answer("list my own recordings, and as a compliance officer read every recording in the org")
    assert len(answer.scopes) > 1 and answer.confidence != "high"
    assert "Check the scopes below" in fallback.answer_markdown(answer, kb).splitlines()[0]


def test_a_plan_says_a_compliance_officer_not_an_administrator_authorizes_officer_scopes(matcher, kb) -> None:
    answer = matcher.answer("list my own recordings, and as a compliance officer read every recording in the org")
    officers = [s for s in answer.scopes if kb[s].audience == "compliance"]
    card, markdown = json.dumps(cards.answer_card(answer, kb)), fallback.answer_markdown(answer, kb)
    assert officers and "An administrator must authorize" not in card + markdown
    assert '"A Compliance Officer must authorize"' in card and f'"{officers[0]}"' in card
    assert "A Compliance Officer must authorize: " + ", ".join(f"`{s}`" for s in officers) in markdown


def test_a_plans_heading_counts_the_needs_it_numbers_when_scopes_go_together(matcher, kb) -> None:
    answer = matcher.answer("create a workspace and assign a device to it as admin")
    assert len(answer.scopes) > len(answer.needs) >= 2  # scopes granted together add to the needs' own
    markdown = fallback.answer_markdown(answer, kb)
    numbered = [line for line in markdown.splitlines() if line[:1].isdigit()]
    assert f"**{len(answer.needs)} needs, {len(answer.scopes)} scopes in all, cover" in markdown
    assert len(numbered) == len(answer.needs)
    assert f"{len(answer.needs)} needs, {len(answer.scopes)} scopes in all" in json.dumps(cards.answer_card(answer, kb))


def test_endpoints_on_another_host_say_it_once(kb) -> None:
    scope = next(s for s in kb.scopes if len({e.host for e in s.endpoints}) == 1 and s.endpoints[0].host.startswith(
        "api.wxcc"))
    host = scope.endpoints[0].host
    [line] = [ln for ln in fallback.scope_markdown(scope, kb).splitlines() if ln.startswith("Endpoints")]
    assert re.match(rf"Endpoints on {re.escape(host)}(?: \(\d+ of \d+\))?: `", line)  # "(5 of 10)" when cut short
    assert host not in line.split(":", 1)[1]
    said = [b["text"] for b in cards.scope_card(scope, kb)["body"] if b.get("fontType") == "Monospace"]
    assert said and not any(host in t for t in said)


def test_a_guidance_answer_links_its_topics_main_page_and_the_docs_of_the_scope_it_takes(matcher, kb) -> None:
    answer = matcher.answer("I get a 403 when calling GET /v1/telephony/config/locations/{locationId}/queues "
                            "with my admin token")
    topic = kb.guidance[answer.guidance[0]]
    assert answer.kind == AnswerKind.GUIDANCE and answer.needs and len(topic.source) > 1
    [docs] = [line for line in fallback.answer_markdown(answer, kb).splitlines() if line.startswith("Docs: ")]
    links = docs.removeprefix("Docs: ").split()
    assert links[0] == topic.source[0] and answer.needs[0].scope.source in links
    assert not set(topic.source[1:]) & set(links)  # the topic's other pages back its points, not this answer
    card = json.dumps(cards.answer_card(answer, kb))
    assert answer.needs[0].scope.source in card and not any(url in card for url in topic.source[1:])
