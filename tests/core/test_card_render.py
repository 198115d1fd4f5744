"""Every kind of card the bot sends, rendered by Microsoft's Adaptive Cards renderer in headless
Chromium at Webex's desktop width and a phone's, shows no layout problem.

Checks (tests/render/check.js): renderer parse and validation warnings, buttons whose title is
cut with an ellipsis, clipped or overflowing text, Markdown left literal in the rendered text
(**, backticks, '- ' list starts, [x](y)), Markdown lists in a TextBlock, and scope names split
across lines although a line of the card could hold them.
"""

from __future__ import annotations

import pytest

import card_render
from bot.core.handler import Handler
from bot.core.oauth import AppLinks
from card_samples import sample_cards

pytestmark = [
    pytest.mark.skipif(card_render.chromium() is None,
                       reason="Chromium is not installed (make test installs Debian's chromium when "
                              "run as root); the cards were not rendered"),
]
LINKS = AppLinks("C0ffee123", "https://example.com/oauth/callback")
BAD_CARD = {
    "type": "AdaptiveCard", "version": "1.3",
    "body": [
        {"type": "TextBlock", "wrap": True, "text": "Endpoints:\n- GET /v1/telephony/config/people/"
                                                     "{personId}/features/callForwarding/selectiveRules"},
        {"type": "TextBlock", "text": "**a bold that never closes " + "and goes on " * 10},
        {"type": "FactSet", "facts": [{"title": "spark-admin:calling_cdr_read", "value": "x"}]},
        {"type": "Bogus"},
    ],
    "actions": [{"type": "Action.Submit", "title": title, "data": {}}
                for title in ("Helpful", "Not helpful", "Open the docs", "Related scopes", "Explain")],
}


@pytest.fixture(scope="module")
def rendered(kb, matcher) -> list[card_render.Rendered]:
    if not card_render.renderer_installed():
        pytest.fail("the renderer's npm packages are missing: run `make test` (npm ci in tests/render)")
    cards = sample_cards(Handler(kb, matcher))
    cards |= {f"{name} (with links)": card
              for name, card in sample_cards(Handler(kb, matcher, links=LINKS)).items()}
    return card_render.render(cards)


def test_every_card_renders_cleanly_at_every_width(rendered) -> None:
    assert {r.width for r in rendered} == set(card_render.WIDTHS) and len(rendered) > 40
    problems = [f"{r.name} @ {r.width}px: {p}" for r in rendered for p in r.problems]
    assert problems == []


def test_every_card_has_a_height(rendered) -> None:
    assert all(r.height > 40 for r in rendered)


def test_every_scope_and_area_card_renders_cleanly(kb, matcher) -> None:
    handler = Handler(kb, matcher, links=LINKS)
    cards = {scope.name: handler.show_scope(scope.name).card for scope in kb.scopes}
    cards |= {f"list {area}": handler.list_area(area).card for area in kb.areas}
    problems = [f"{r.name} @ {r.width}px: {p}" for r in card_render.render(cards) for p in r.problems]
    assert problems == []


def test_a_bad_card_is_reported() -> None:
    if not card_render.renderer_installed():
        pytest.fail("the renderer's npm packages are missing: run `make test` (npm ci in tests/render)")
    found = {w: r.problems for r in card_render.render({"bad": BAD_CARD}) for w in [r.width]}
    for width in card_render.WIDTHS:
        kinds = {p.split(":")[0] for p in found[width]}
        assert {"ellipsised button", "markdown list in a TextBlock", "literal ** in rendered text",
                "parse", "scope name split across lines", "clipped text"} <= kinds, found[width]
